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
  notes.push('single thread; per_cpu_s divides by this process CPU time, per_wall_s by elapsed time (lower when the machine is shared)');
  return { name: 'classifier', figures, notes };
}
