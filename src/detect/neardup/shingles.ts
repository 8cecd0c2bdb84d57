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

/**
 * Shingle set of a key text. A text shorter than one shingle gives a single shingle of the whole text;
 * an empty text gives an empty set. Example: `shingleSet("ab cd", {size:3, maxShingles:9})` has 3 hashes.
 */
export function shingleSet(key: string, opts: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): ShingleSet {
  const n = key.length;
  const k = opts.size;
  if (n === 0) return { hashes: new Uint32Array(0), capped: false };
  const count = n <= k ? 1 : n - k + 1;
  const raw = new Uint32Array(count);
  if (n <= k) {
    raw[0] = hashRange(key, 0, n);
  } else {
    for (let i = 0; i < count; i++) raw[i] = hashRange(key, i, i + k);
  }
  raw.sort();
  // Dedupe in place, keeping at most maxShingles (the smallest, since the array is sorted).
  let w = 0;
  let capped = false;
  for (let i = 0; i < count; i++) {
    const v = raw[i] as number;
    if (w > 0 && raw[w - 1] === v) continue;
    if (w === opts.maxShingles) {
      capped = true;
      break;
    }
    raw[w++] = v;
  }
  return { hashes: raw.slice(0, w), capped };
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

// Reused code-unit buffer for shingleSetOfTokens (single-threaded; grows to the longest key text seen).
let codes = new Uint16Array(4096);

/**
 * `shingleSet(keyText(tokens), opts)` without building the key string: the keys' code units go into
 * a reused buffer and the same hashes are taken from it (tested equal on generated comments).
 */
export function shingleSetOfTokens(tokens: readonly KeyToken[], opts: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): ShingleSet {
  let n = tokens.length > 0 ? tokens.length - 1 : 0;
  for (let i = 0; i < tokens.length; i++) n += (tokens[i] as KeyToken).key.length;
  if (n === 0) return { hashes: new Uint32Array(0), capped: false };
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  const buf = codes;
  let w = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) buf[w++] = 0x20;
    const key = (tokens[i] as KeyToken).key;
    for (let j = 0; j < key.length; j++) buf[w++] = key.charCodeAt(j);
  }
  const k = opts.size;
  const count = n <= k ? 1 : n - k + 1;
  const raw = new Uint32Array(count);
  if (n <= k) raw[0] = hashCodes(buf, 0, n);
  else for (let i = 0; i < count; i++) raw[i] = hashCodes(buf, i, i + k);
  return sortedUnique(raw, opts.maxShingles);
}

function hashCodes(c: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (c[i] as number), 0x01000193);
  return fmix32(h);
}

// Sorts, dedupes in place and keeps at most `max` (the smallest, since the array is sorted).
function sortedUnique(raw: Uint32Array, max: number): ShingleSet {
  raw.sort();
  let w = 0;
  let capped = false;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] as number;
    if (w > 0 && raw[w - 1] === v) continue;
    if (w === max) {
      capped = true;
      break;
    }
    raw[w++] = v;
  }
  return { hashes: raw.slice(0, w), capped };
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
