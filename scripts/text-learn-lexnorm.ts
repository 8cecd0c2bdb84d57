/**
 * Learns the display-mode normalisation dictionary from ViLexNorm **train** (CC BY-NC-SA 4.0):
 * token → normalisation counts, plus left/right context counts for ambiguous tokens.
 * Usage: npx tsx scripts/text-learn-lexnorm.ts ../shared/data/vilexnorm/train.csv > src/text/lexnorm-dict.json
 */
import { foldDiacritics } from '../src/text/fold.js';
import { loadPairs } from './text-lexnorm-csv.js';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: text-learn-lexnorm.ts TRAIN_CSV');
  process.exit(2);
}

const fold = (t: string): string => foldDiacritics(t.toLowerCase());
const initials = (ws: string[]): string => ws.map((w) => fold(core(w)).slice(0, 1)).join('');
const core = (t: string): string => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Aligns source tokens to gold tokens: each source token takes 0..3 gold tokens (min edits). */
function align(src: string[], gold: string[]): Array<string[]> {
  const n = src.length;
  const m = gold.length;
  const INF = 1e9;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const back: Array<Array<[number, number]>> = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1).fill([0, 0]));
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const c = cost[i]![j]!;
      if (c >= INF) continue;
      if (j < m && c + 1 < cost[i]![j + 1]!) {
        cost[i]![j + 1] = c + 1;
        back[i]![j + 1] = [i, j];
      }
      if (i === n) continue;
      for (let k = 0; k <= 3 && j + k <= m; k++) {
        const same = k === 1 && src[i]!.toLowerCase() === gold[j]!.toLowerCase();
        // One token → several only when it abbreviates them ("ae" → "anh em"), else prefer insertions.
        const step = k === 0 ? 1 : same ? 0 : k === 1 ? 1 : initials(gold.slice(j, j + k)) === fold(core(src[i]!)) ? 0.5 : 2.5;
        if (c + step < cost[i + 1]![j + k]!) {
          cost[i + 1]![j + k] = c + step;
          back[i + 1]![j + k] = [i, j];
        }
      }
    }
  }
  const out: Array<string[]> = new Array<string[]>(n);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [pi, pj] = back[i]![j]!;
    if (pi < i) out[pi] = gold.slice(pj, j);
    i = pi;
    j = pj;
  }
  return out;
}

const uni = new Map<string, Map<string, number>>();
const left = new Map<string, Map<string, number>>();
const right = new Map<string, Map<string, number>>();
const bump = (m: Map<string, Map<string, number>>, k: string, v: string): void => {
  let inner = m.get(k);
  if (inner === undefined) m.set(k, (inner = new Map()));
  inner.set(v, (inner.get(v) ?? 0) + 1);
};

for (const { original, normalized } of loadPairs(file)) {
  const src = original.split(/\s+/).filter(Boolean);
  const gold = normalized.split(/\s+/).filter(Boolean);
  const al = align(src, gold);
  for (let i = 0; i < src.length; i++) {
    const s = core(src[i]!).toLowerCase();
    if (s === '') continue;
    const g = (al[i] ?? []).map(core).filter(Boolean).join(' ').toLowerCase();
    if (g === '') continue;
    bump(uni, s, g);
    bump(left, `${core(src[i - 1] ?? '').toLowerCase()}|${s}`, g);
    bump(right, `${s}|${core(src[i + 1] ?? '').toLowerCase()}`, g);
  }
}

// Keep only tokens that were changed at least twice; record how often they were left as is.
const dict: Record<string, Record<string, number>> = {};
const ambiguous = new Set<string>();
for (const [s, targets] of uni) {
  const changed = [...targets].filter(([t]) => t !== s).reduce((a, [, c]) => a + c, 0);
  if (changed < 2) continue;
  const kept: Record<string, number> = {};
  for (const [t, c] of [...targets].sort((a, b) => b[1] - a[1])) if (c >= 2 || t === s) kept[t] = c;
  if (Object.keys(kept).length === 0) continue;
  dict[s] = kept;
  if (Object.keys(kept).length > 1) ambiguous.add(s);
}
const ctx = (m: Map<string, Map<string, number>>, side: 'l' | 'r'): Record<string, Record<string, number>> => {
  const out: Record<string, Record<string, number>> = {};
  for (const [k, targets] of m) {
    const s = side === 'l' ? k.slice(k.indexOf('|') + 1) : k.slice(0, k.indexOf('|'));
    if (!ambiguous.has(s)) continue;
    const kept = Object.fromEntries([...targets].filter(([, c]) => c >= 2));
    if (Object.keys(kept).length > 0) out[k] = kept;
  }
  return out;
};
const result = {
  source: 'ViLexNorm train split (github.com/ngxtnhi/ViLexNorm, CC BY-NC-SA 4.0); counts only',
  unigram: dict,
  left: ctx(left, 'l'),
  right: ctx(right, 'r'),
};
process.stdout.write(JSON.stringify(result) + '\n');
