/**
 * The post's stance (issue #6, eighth round; docs/claims.md): a logistic regression over tf-idf of the
 * post's key words and word pairs (stopwords kept: "làm gì có", "thật không" are the signal), trained on
 * the labelled posts to tell a post that passes a claim on (paraphrase, teencode, embedded, partial …)
 * from one that debunks or asks about it. Its log-odds are one feature of the learned combiner, next to
 * the cue lists, so a debunk or a question in words no cue list knows still counts against a match.
 * Trained by `scripts/train-claims-combiner.ts`, shipped as `models/claims-stance.json`.
 */
import { loadBundledJson } from '../classifier/bundled.js';
import type { Analysis } from './analyze.js';

export const STANCE_FILE = 'claims-stance.json';
export const STANCE_FORMAT = 'kiemtin-claims-stance/1';

/** Kinds of labelled post that pass the claim on (label 1) and that debunk or question it (label 0). */
export const REPEAT_KINDS: ReadonlySet<string> = new Set([
  'paraphrase',
  'nodiacritics',
  'teencode',
  'embedded',
  'partial',
  'chain',
  'number',
  'place',
]);
export const DOUBT_KINDS: ReadonlySet<string> = new Set(['debunk', 'question']);

export interface StanceModel {
  format: typeof STANCE_FORMAT;
  /** term → [idf, weight]; a term is a word or two words joined by a space. */
  terms: Record<string, [number, number]>;
  bias: number;
  /** Inverse L2 strength the model was trained with (C), and the least number of posts a term was in. */
  c: number;
  minDf: number;
  trainingPosts: number;
}

/**
 * Words of the post for the stance model: every key (stopwords and numbers kept), split on what is not
 * a letter or digit, words of one character dropped; then the words and the pairs of neighbours.
 */
export function stanceTerms(a: Pick<Analysis, 'toks'>): Map<string, number> {
  const words: string[] = [];
  for (const t of a.toks) for (const w of t.key.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 2) words.push(w);
  const tf = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    tf.set(w, (tf.get(w) ?? 0) + 1);
    if (i + 1 < words.length) {
      const pair = `${w} ${words[i + 1] as string}`;
      tf.set(pair, (tf.get(pair) ?? 0) + 1);
    }
  }
  return tf;
}

/** Sublinear tf × idf over the known terms, L2-normalised: [term index or term, value] pairs. */
function vectorOf(
  tf: ReadonlyMap<string, number>,
  idf: (term: string) => number | undefined,
): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let norm = 0;
  for (const [t, n] of tf) {
    const w = idf(t);
    if (w === undefined) continue;
    const v = (1 + Math.log(n)) * w;
    out.push([t, v]);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const e of out) e[1] /= norm;
  return out;
}

/** Log-odds that the post passes its claim on rather than debunking or questioning it. */
export function stanceScore(model: StanceModel, a: Pick<Analysis, 'toks'>): number {
  let z = model.bias;
  for (const [t, v] of vectorOf(stanceTerms(a), (t) => model.terms[t]?.[0]))
    z += v * (model.terms[t] as [number, number])[1];
  return z;
}

/**
 * Fits the stance model: terms in at least `minDf` posts, smooth idf (ln((1 + n) / (1 + df)) + 1),
 * then L2 logistic regression (mean log loss + |w|² / (2 C n)) by full-batch Adam, a fixed number of
 * steps from zero: deterministic.
 */
export function trainStance(
  posts: ReadonlyArray<{ analysis: Pick<Analysis, 'toks'>; label: 0 | 1 }>,
  opts: { c?: number; minDf?: number; steps?: number } = {},
): StanceModel {
  const c = opts.c ?? 2;
  const minDf = opts.minDf ?? 2;
  const steps = opts.steps ?? 1500;
  const tfs = posts.map((p) => stanceTerms(p.analysis));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = posts.length;
  const vocab = [...df.entries()]
    .filter(([, d]) => d >= minDf)
    .map(([t]) => t)
    .sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = new Map(vocab.map((t) => [t, Math.log((1 + n) / (1 + (df.get(t) as number))) + 1]));
  const rows = tfs.map((tf) =>
    vectorOf(tf, (t) => idf.get(t)).map(([t, v]) => [index.get(t) as number, v] as const),
  );
  const d = vocab.length;
  const w = new Float64Array(d);
  let b = 0;
  const m1 = new Float64Array(d + 1);
  const m2 = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  const rate = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let step = 1; step <= steps; step++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const row = rows[i] as ReadonlyArray<readonly [number, number]>;
      let z = b;
      for (const [j, v] of row) z += (w[j] as number) * v;
      const e = 1 / (1 + Math.exp(-z)) - (posts[i] as { label: number }).label;
      for (const [j, v] of row) g[j] = (g[j] as number) + (e * v) / n;
      g[d] = (g[d] as number) + e / n;
    }
    for (let j = 0; j < d; j++) g[j] = (g[j] as number) + (w[j] as number) / (c * n);
    for (let j = 0; j <= d; j++) {
      const gj = g[j] as number;
      m1[j] = beta1 * (m1[j] as number) + (1 - beta1) * gj;
      m2[j] = beta2 * (m2[j] as number) + (1 - beta2) * gj * gj;
      const upd =
        (rate * ((m1[j] as number) / (1 - beta1 ** step))) /
        (Math.sqrt((m2[j] as number) / (1 - beta2 ** step)) + 1e-8);
      if (j < d) w[j] = (w[j] as number) - upd;
      else b -= upd;
    }
  }
  const terms: Record<string, [number, number]> = {};
  vocab.forEach((t, j) => {
    terms[t] = [Number((idf.get(t) as number).toPrecision(6)), Number((w[j] as number).toPrecision(6))];
  });
  return { format: STANCE_FORMAT, terms, bias: Number(b.toPrecision(8)), c, minDf, trainingPosts: n };
}

/** Checks a parsed stance model; the error names the field. */
export function parseStance(json: unknown, where = STANCE_FILE): StanceModel {
  const fail = (what: string): never => {
    throw new Error(`claims stance model ${where}: ${what}`);
  };
  if (typeof json !== 'object' || json === null) fail('not a JSON object');
  const m = json as Record<string, unknown>;
  if (m.format !== STANCE_FORMAT) fail(`field "format" must be "${STANCE_FORMAT}"`);
  if (typeof m.terms !== 'object' || m.terms === null || Array.isArray(m.terms))
    fail('field "terms" must be an object');
  for (const [t, v] of Object.entries(m.terms as Record<string, unknown>)) {
    if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
      fail(`field "terms" entry "${t}" must be [idf, weight]`);
  }
  for (const k of ['bias', 'c', 'minDf', 'trainingPosts'])
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k])) fail(`field "${k}" must be a finite number`);
  return m as unknown as StanceModel;
}

/** The shipped stance model (`models/claims-stance.json`), or null when the package has none. Cached. */
export function bundledStance(): StanceModel | null {
  return loadBundledJson(STANCE_FILE, parseStance);
}
