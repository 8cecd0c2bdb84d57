/**
 * Near-duplicate index: insert + query throughput at 100k (and, with NEARDUP_BENCH_1M=1, 1M) generated
 * comments, memory per document, how time per document changes as the index grows, and recall /
 * precision against exact all-pairs Jaccard on a sample.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { BenchResult } from './run.js';
import { NearDupIndex } from '../src/detect/neardup/near-dup-index.js';
import { similarity } from '../src/detect/neardup/shingles.js';
import { generateCorpus, type SyntheticDoc } from '../src/detect/neardup/synthetic.js';

const CHUNK = 10_000;

interface RunFigures {
  docsPerS: number;
  usPerDocFirst10: number;
  usPerDocLast10: number;
  bytesPerDocEstimate: number;
  heapBytesPerDoc: number;
  texts: number;
  clusters: number;
}

// A full collection before each reading, so the heap delta counts what the index keeps, not garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function heapNow(): number {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

// Compiles the hot paths on a throw-away index first, so the first tenth measures the index at 10%
// of its size rather than the JIT warming up.
function warmUp(fastKey: boolean): void {
  const index = new NearDupIndex({ fastKey });
  for (const d of generateCorpus({ docs: 20_000, seed: 99, duplicateShare: 0.2 })) index.add(d);
}

function run(docs: number, seed: number, fastKey: boolean): RunFigures {
  warmUp(fastKey);
  const index = new NearDupIndex({ fastKey });
  const heap0 = heapNow();
  const gen = generateCorpus({ docs, seed, duplicateShare: 0.2 });
  let total = 0;
  const perChunk: number[] = [];
  for (let done = 0; done < docs; done += CHUNK) {
    const chunk: SyntheticDoc[] = [];
    for (let i = 0; i < CHUNK; i++) {
      const n = gen.next();
      if (n.done === true) break;
      chunk.push(n.value);
    }
    // CPU time of this thread, not wall time: the bench machine is shared and often oversubscribed.
    const t0 = process.cpuUsage();
    for (const d of chunk) index.add(d);
    const used = process.cpuUsage(t0);
    const dt = (used.user + used.system) / 1000;
    total += dt;
    perChunk.push((dt * 1000) / chunk.length);
  }
  const heap = heapNow() - heap0;
  const tenth = Math.max(1, Math.floor(perChunk.length / 10));
  const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const s = index.stats;
  return {
    docsPerS: Math.round((docs / total) * 1000),
    usPerDocFirst10: Math.round(avg(perChunk.slice(0, tenth)) * 10) / 10,
    usPerDocLast10: Math.round(avg(perChunk.slice(-tenth)) * 10) / 10,
    bytesPerDocEstimate: Math.round(s.bytesEstimate / docs),
    heapBytesPerDoc: Math.round(heap / docs),
    texts: s.texts,
    clusters: index.clusters(2).length,
  };
}

function quality(sample: number): Record<string, number> {
  const docs = [...generateCorpus({ docs: sample, seed: 21, duplicateShare: 0.3, maxEdits: 3 })];
  const index = new NearDupIndex();
  let reported = 0;
  let reportedBelow = 0;
  const prepared = docs.map((d) => index.prepare(d.text));
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  for (const d of docs) {
    for (const m of index.add(d).matches) {
      reported++;
      const j = similarity(prepared[byId.get(d.id)!]!.shingles, prepared[byId.get(m.docId)!]!.shingles).jaccard;
      if (j < 0.7) reportedBelow++;
    }
  }
  const cluster = docs.map((d) => index.clusterIdOf(d.id));
  let positives = 0;
  let found = 0;
  let co = 0;
  let coBelow = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = prepared[i]!;
      const b = prepared[j]!;
      if (a.tokens < index.opts.minTokens || b.tokens < index.opts.minTokens) continue;
      const jac = similarity(a.shingles, b.shingles).jaccard;
      const same = cluster[i] !== null && cluster[i] === cluster[j];
      if (jac >= 0.7) {
        positives++;
        if (same) found++;
      }
      if (same) {
        co++;
        if (jac < 0.7) coBelow++;
      }
    }
  }
  // Planted copies (1–3 random edits each) that stay above the threshold, and how many are found.
  let copies = 0;
  let copiesAbove = 0;
  for (const d of docs) {
    if (d.copyOf < 0) continue;
    copies++;
    const j = similarity(prepared[byId.get(d.id)!]!.shingles, prepared[d.copyOf]!.shingles).jaccard;
    if (j >= 0.7) copiesAbove++;
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    sample_docs: sample,
    sample_pairs_jaccard_ge_0_7: positives,
    recall_pairs_same_cluster: r4(found / positives),
    precision_reported_matches: r4(1 - reportedBelow / Math.max(1, reported)),
    precision_pairs_same_cluster: r4(1 - coBelow / Math.max(1, co)),
    planted_copies_with_jaccard_ge_0_7_share: r4(copiesAbove / Math.max(1, copies)),
  };
}

export async function bench(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  Object.assign(figures, quality(2000));
  if (process.env.NEARDUP_BENCH_1M !== '1') notes.push('1M documents skipped; set NEARDUP_BENCH_1M=1 (both keys; about 1.6 GB, mostly typed arrays).');
  const runs: [number, boolean][] = [
    [100_000, false],
    [100_000, true],
  ];
  if (process.env.NEARDUP_BENCH_1M === '1') runs.push([1_000_000, false], [1_000_000, true]);
  for (const [n, fastKey] of runs) {
    const r = run(n, 1, fastKey);
    const tag = `${n >= 1_000_000 ? '1m' : `${n / 1000}k`}_${fastKey ? 'fastkey' : 'textcore'}`;
    figures[`insert_query_${tag}_docs_per_s`] = r.docsPerS;
    figures[`us_per_doc_${tag}_first_tenth`] = r.usPerDocFirst10;
    figures[`us_per_doc_${tag}_last_tenth`] = r.usPerDocLast10;
    figures[`bytes_per_doc_${tag}_estimate`] = r.bytesPerDocEstimate;
    figures[`heap_bytes_per_doc_${tag}`] = r.heapBytesPerDoc;
    figures[`distinct_texts_${tag}`] = r.texts;
    figures[`clusters_${tag}`] = r.clusters;
  }
  notes.push('Each run is preceded by a 20k-document warm-up on a separate index (JIT), not counted.');
  notes.push('Throughput is CPU time of one thread (process.cpuUsage, includes GC), so it is per core and includes key tokens, shingling, MinHash, LSH query + insert and exact verification; corpus generation is excluded.');
  notes.push('Generated comments average ~160 characters; 20% are edited copies (insert/delete/substitute/truncate/no diacritics/teencode/first letter/stray letter) of a recent comment.');
  return { name: 'neardup', figures, notes };
}
