/** Accuracy of a claim matcher on labelled posts: precision, recall and F1, overall and by case type. */
import type { ClaimMatcher } from './matcher.js';

export interface LabelledPost {
  id: string;
  text: string;
  /** The fact-check id the post repeats, or null for posts that must not match. */
  expected: string | null;
  /** Kind of post: paraphrase, nodiacritics, teencode, chain, embedded, number, place, debunk, ... */
  case: string;
  split?: string;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  overall: Prf;
  byCase: Record<string, Prf>;
  errors: Array<{ id: string; case: string; expected: string | null; got: string[]; scores: number[] }>;
}

/** Labelled posts from JSON lines (blank lines skipped), as in tests/fixtures/claims/*-posts.jsonl. */
export function parseLabelledPosts(jsonl: string): LabelledPost[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledPost);
}

function prf(tp: number, fp: number, fn: number, n: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, n, precision, recall, f1 };
}

/**
 * Every reported match is counted: the expected fact-check is a true positive, any other match a false
 * positive, and an expected fact-check not reported a false negative.
 */
export function evaluateMatcher(matcher: ClaimMatcher, posts: readonly LabelledPost[], threshold?: number): Evaluation {
  const counts = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  const total = { tp: 0, fp: 0, fn: 0, n: 0 };
  const errors: Evaluation['errors'] = [];
  for (const p of posts) {
    const matches = matcher.match(p.text, threshold === undefined ? {} : { threshold });
    const got = matches.map((m) => m.factCheckId);
    const tp = p.expected !== null && got.includes(p.expected) ? 1 : 0;
    const fp = got.filter((g) => g !== p.expected).length;
    const fn = p.expected !== null && tp === 0 ? 1 : 0;
    const c = counts.get(p.case) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
    for (const t of [c, total]) {
      t.tp += tp;
      t.fp += fp;
      t.fn += fn;
      t.n += 1;
    }
    counts.set(p.case, c);
    if (fp > 0 || fn > 0) errors.push({ id: p.id, case: p.case, expected: p.expected, got, scores: matches.map((m) => m.score) });
  }
  const byCase: Record<string, Prf> = {};
  for (const [k, c] of [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) byCase[k] = prf(c.tp, c.fp, c.fn, c.n);
  return { overall: prf(total.tp, total.fp, total.fn, total.n), byCase, errors };
}
