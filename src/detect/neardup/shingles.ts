/**
 * Shingles: the set of 32-bit hashes of character n-grams of a text's matching key, and exact set
 * similarity between two such sets.
 *
 * Why character 5-grams of the key rather than syllable n-grams: one edited syllable ("rong" for
 * "trong", a stray trailing letter) breaks k syllable k-grams, which in a 10-syllable comment already
 * pushes Jaccard below 0.7; it breaks at most 5 of ~45 character 5-grams. See docs/campaigns.md.
 */
import type { KeyToken } from './key-tokens.js';

export interface ShingleOptions {
  /** Characters per shingle, over the key text (syllable keys joined by one space). */
  size: number;
  /**
   * Cap on stored shingles: longer texts keep the `maxShingles` smallest hashes (a bottom-k sample),
   * so memory per document is bounded and similarity becomes a close estimate instead of exact.
   */
  maxShingles: number;
}

export const DEFAULT_SHINGLE_OPTIONS: ShingleOptions = { size: 5, maxShingles: 1024 };

/** A sorted set of unique unsigned 32-bit shingle hashes; `capped` when it is a bottom-k sample. */
export interface ShingleSet {
  hashes: Uint32Array;
  capped: boolean;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key text the shingles are taken from: syllable keys joined by single spaces. */
export function keyText(tokens: readonly KeyToken[]): string {
  let s = '';
  for (let i = 0; i < tokens.length; i++) s += i === 0 ? (tokens[i] as KeyToken).key : ' ' + (tokens[i] as KeyToken).key;
  return s;
}

// Scratch buffers, reused (single-threaded): code units of the key text, raw hashes, bucket sort.
let codes = new Uint16Array(4096);
let raw = new Uint32Array(4096);
let spare = new Uint32Array(4096);
const bucketCounts = new Int32Array(1025);

/**
 * Shingle set of a key text. A text shorter than one shingle gives a single shingle of the whole text;
 * an empty text gives an empty set. Example: `shingleSet("ab cd", {size:3, maxShingles:9})` has 3 hashes.
 */
export function shingleSet(key: string, opts: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): ShingleSet {
  const n = key.length;
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  for (let i = 0; i < n; i++) codes[i] = key.charCodeAt(i);
  return shingleSetOfCodes(codes, n, opts);
}

/**
 * `shingleSet(keyText(tokens), opts)` without building the key string: the keys' code units go into
 * a reused buffer and the same hashes are taken from it (tested equal on generated comments).
 */
export function shingleSetOfTokens(tokens: readonly KeyToken[], opts: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): ShingleSet {
  let n = tokens.length > 0 ? tokens.length - 1 : 0;
  for (let i = 0; i < tokens.length; i++) n += (tokens[i] as KeyToken).key.length;
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  const buf = codes;
  let w = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) buf[w++] = 0x20;
    const key = (tokens[i] as KeyToken).key;
    for (let j = 0; j < key.length; j++) buf[w++] = key.charCodeAt(j);
  }
  return shingleSetOfCodes(buf, n, opts);
}

// Per position in a shingle, an odd multiplier: a shingle's hash is fmix32 of the xor of its code
// units times these, computed in one pass over the text (no inner loop, no string per shingle).
const POSITION_MULTIPLIERS = [0x9e3779b1, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0x2c1b3c6d, 0x297a2d39, 0x61c88647];

function shingleSetOfCodes(c: Uint16Array, n: number, opts: ShingleOptions): ShingleSet {
  if (n === 0) return { hashes: new Uint32Array(0), capped: false };
  const k = opts.size;
  const count = n <= k ? 1 : n - k + 1;
  if (raw.length < count) {
    raw = new Uint32Array(Math.max(count, raw.length * 2));
    spare = new Uint32Array(raw.length);
  }
  if (k === 5 && n > k) {
    // The default size, unrolled: each code unit is read once.
    let a = c[0] as number;
    let b = c[1] as number;
    let d = c[2] as number;
    let e = c[3] as number;
    for (let i = 0; i < count; i++) {
      const f = c[i + 4] as number;
      raw[i] = fmix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35) ^ Math.imul(e, 0x27d4eb2f) ^ Math.imul(f, 0x165667b1));
      a = b;
      b = d;
      d = e;
      e = f;
    }
  } else {
    const width = Math.min(n, k);
    for (let i = 0; i < count; i++) {
      let h = 0;
      for (let j = 0; j < width; j++) h ^= Math.imul(c[i + j] as number, multiplier(j));
      raw[i] = fmix32(h);
    }
  }
  return sortedUnique(count, opts.maxShingles);
}

function multiplier(j: number): number {
  return j < POSITION_MULTIPLIERS.length ? (POSITION_MULTIPLIERS[j] as number) : (Math.imul(j, 0x9e3779b1) | 1);
}

// Sorts raw[0, count), dedupes and copies out at most `max` (the smallest, since it is sorted).
function sortedUnique(count: number, max: number): ShingleSet {
  const sorted = count <= 4096 ? bucketSort(count) : raw.subarray(0, count).sort();
  let w = 0;
  let capped = false;
  for (let i = 0; i < count; i++) {
    const v = sorted[i] as number;
    if (w > 0 && sorted[w - 1] === v) continue;
    if (w === max) {
      capped = true;
      break;
    }
    sorted[w++] = v;
  }
  return { hashes: sorted.slice(0, w), capped };
}

// Hashes are uniform, so spreading them over ~count/2 buckets by their top bits and finishing with an
// insertion sort (each bucket holds a few values) costs O(count): about 4× faster than
// TypedArray.prototype.sort on a comment's ~150 shingles. Returns `spare` holding the sorted values.
function bucketSort(count: number): Uint32Array {
  let bits = 2;
  while (1 << bits < count && bits < 10) bits++;
  bits--;
  const buckets = 1 << bits;
  const shift = 32 - bits;
  const counts = bucketCounts;
  counts.fill(0, 0, buckets + 1);
  for (let i = 0; i < count; i++) {
    const b = ((raw[i] as number) >>> shift) + 1;
    counts[b] = (counts[b] as number) + 1;
  }
  for (let b = 1; b <= buckets; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  const out = spare;
  for (let i = 0; i < count; i++) {
    const v = raw[i] as number;
    const at = counts[v >>> shift] as number;
    counts[v >>> shift] = at + 1;
    out[at] = v;
  }
  for (let i = 1; i < count; i++) {
    const v = out[i] as number;
    let j = i - 1;
    while (j >= 0 && (out[j] as number) > v) {
      out[j + 1] = out[j] as number;
      j--;
    }
    out[j + 1] = v;
  }
  return out;
}

/** Similarity of two shingle sets. */
export interface Similarity {
  /** |A∩B| / |A∪B| */
  jaccard: number;
  /** |A∩B| / |A|: how much of A is found in B. */
  containmentA: number;
  /** |A∩B| / |B| */
  containmentB: number;
}

/**
 * Exact Jaccard and containment of two sorted hash sets. When either is a bottom-k sample, both are
 * compared only below the smaller sample's largest hash, where both samples are complete, which makes
 * the result an unbiased estimate instead of exact.
 */
export function similarity(a: ShingleSet, b: ShingleSet): Similarity {
  const ah = a.hashes;
  const bh = b.hashes;
  let limit = 0xffffffff;
  if (a.capped && ah.length > 0) limit = Math.min(limit, ah[ah.length - 1] as number);
  if (b.capped && bh.length > 0) limit = Math.min(limit, bh[bh.length - 1] as number);
  let i = 0;
  let j = 0;
  let inter = 0;
  let na = 0;
  let nb = 0;
  while (i < ah.length && j < bh.length) {
    const x = ah[i] as number;
    const y = bh[j] as number;
    if (x > limit && y > limit) break;
    if (x === y) {
      inter++;
      na++;
      nb++;
      i++;
      j++;
    } else if (x < y) {
      na++;
      i++;
    } else {
      nb++;
      j++;
    }
  }
  while (i < ah.length && (ah[i] as number) <= limit) {
    na++;
    i++;
  }
  while (j < bh.length && (bh[j] as number) <= limit) {
    nb++;
    j++;
  }
  const union = na + nb - inter;
  return {
    jaccard: union === 0 ? 0 : inter / union,
    containmentA: na === 0 ? 0 : inter / na,
    containmentB: nb === 0 ? 0 : inter / nb,
  };
}

/** True when two sets hold exactly the same hashes. */
export function sameSet(a: ShingleSet, b: ShingleSet): boolean {
  if (a.capped !== b.capped || a.hashes.length !== b.hashes.length) return false;
  for (let i = 0; i < a.hashes.length; i++) if (a.hashes[i] !== b.hashes[i]) return false;
  return true;
}
