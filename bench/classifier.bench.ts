/**
 * Classifier throughput (comments/s on one core, single thread) and model size for the shipped models.
 * Texts: the dev split of each dataset when the data folder is there (KIEMTIN_BENCH_DATA, default
 * ../shared/data relative to the repository), otherwise a synthetic corpus.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.js';
import {
  ClassifierBank,
  DATASETS,
  MODEL_NAMES,
  bundledModelPath,
  loadClassifierFile,
  parseLabelledCsv,
} from '../src/detect/classifier/index.js';
import { syntheticCorpus } from '../src/detect/classifier/testing.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');

export async function bench(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  const dataRoot = resolve(repo, process.env.KIEMTIN_BENCH_DATA ?? '../shared/data');
  for (const name of MODEL_NAMES) {
    const path = bundledModelPath(name);
    if (!existsSync(path)) {
      notes.push(`${name}: no model file at ${path}`);
      continue;
    }
    const t0 = performance.now();
    const clf = loadClassifierFile(path);
    figures[`${name}_load_ms`] = Math.round(performance.now() - t0);
    figures[`${name}_file_bytes`] = statSync(path).size;
    const spec = DATASETS[name];
    const devFile = join(dataRoot, spec.folder, spec.devFile);
    const texts = existsSync(devFile)
      ? parseLabelledCsv(readFileSync(devFile, 'utf8'), spec).texts
      : syntheticCorpus(3000, 1).texts;
    if (!existsSync(devFile)) notes.push(`${name}: dev split not found, synthetic texts used`);
    const chars = texts.reduce((s, t) => s + t.length, 0);
    let sink = 0;
    for (const t of texts) sink += clf.decideIndex(clf.probabilities(t)); // warm-up
    const rounds = 5;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let r = 0; r < rounds; r++) for (const t of texts) sink += clf.decideIndex(clf.probabilities(t));
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (performance.now() - start) / 1000;
    // Per core = per CPU-second of this process: robust when other jobs share the machine.
    figures[`${name}_comments_per_cpu_s`] = Math.round((rounds * texts.length) / ((cpu.user + cpu.system) / 1e6));
    figures[`${name}_comments_per_wall_s`] = Math.round((rounds * texts.length) / seconds);
    figures[`${name}_mean_chars`] = Math.round(chars / texts.length);
    const explainStart = performance.now();
    const sample = texts.slice(0, 500);
    for (const t of sample) sink += clf.explain(t, 5).length;
    figures[`${name}_explain_per_s`] = Math.round(sample.length / ((performance.now() - explainStart) / 1000));
    if (sink < 0) notes.push('unreachable'); // keeps the work observable
  }
  // The two models with detectors scored together on one document's features, as the registry does:
  // separately (one extraction, two predictions) and through a ClassifierBank (one pass, codes interleaved).
  const toxicDev = join(dataRoot, DATASETS.toxic.folder, DATASETS.toxic.devFile);
  if (existsSync(bundledModelPath('hate-speech')) && existsSync(bundledModelPath('toxic')) && existsSync(toxicDev)) {
    const hate = loadClassifierFile(bundledModelPath('hate-speech'));
    const toxic = loadClassifierFile(bundledModelPath('toxic'));
    const bank = new ClassifierBank([hate, toxic]);
    const texts = parseLabelledCsv(readFileSync(toxicDev, 'utf8'), DATASETS.toxic).texts;
    const pair = (useBank: boolean): number => {
      let sink = 0;
      const cpuStart = process.cpuUsage();
      for (const t of texts) {
        const idx = hate.features(t).slice();
        if (useBank) for (const [, p] of bank.predictAll(hate, idx)) sink += p.label.length;
        else sink += hate.predict(idx).label.length + toxic.predict(idx).label.length;
      }
      const cpu = process.cpuUsage(cpuStart);
      if (sink < 0) notes.push('unreachable');
      return texts.length / ((cpu.user + cpu.system) / 1e6);
    };
    pair(false);
    pair(true);
    const med = (f: () => number): number => Math.round([f(), f(), f(), f(), f()].sort((a, b) => a - b)[2] ?? 0);
    figures['hate_plus_toxic_separate_comments_per_cpu_s'] = med(() => pair(false));
    figures['hate_plus_toxic_bank_comments_per_cpu_s'] = med(() => pair(true));
    notes.push('hate_plus_toxic_*: both models on the toxic dev texts from one feature extraction, each model alone vs a ClassifierBank (median of 5)');
  }
  notes.push('single thread; per_cpu_s divides by this process CPU time, per_wall_s by elapsed time (lower when the machine is shared)');
  return { name: 'classifier', figures, notes };
}
