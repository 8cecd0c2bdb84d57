/**
 * Banded LSH over MinHash signatures, in flat typed arrays so memory per entry is fixed and small
 * (no Map or array per bucket): per band an open hash table of chain heads, per entry and band the
 * band key and the next entry in the chain. New entries go to the head of their chain, and a query walks
 * at most `maxChain` entries per band, so a bucket shared by a huge number of near-identical entries
 * costs a bounded amount per query and the most recent entries are the ones found.
 *
 * Only the latest `window` entries are searchable: entry numbers keep counting, but their links live in
 * a ring of `window` slots, and a chain walk stops at the first entry older than the window (chains run
 * newest first). Memory and the cost of a query stop growing once the window is full, instead of
 * growing with the whole history (random reads into ever larger tables miss the cache and the TLB).
 */

export interface LshOptions {
  bands: number;
  rows: number;
  /** Entries examined per band and query (bounds the cost of a crowded bucket). */
  maxChain: number;
  /** Distinct candidates returned per query at most. */
  maxCandidates: number;
  /** Latest entries that stay searchable (rounded up to a power of two). */
  window: number;
}

export const DEFAULT_LSH_OPTIONS: LshOptions = { bands: 32, rows: 5, maxChain: 64, maxCandidates: 256, window: 1 << 18 };

/** Probability that a pair with Jaccard `s` becomes a candidate: 1 − (1 − s^rows)^bands. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

// Entries per head slot at most before the table doubles (the average chain holds 1/2..1 of that).
const LOAD = 1;
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

export class LshIndex {
  readonly opts: LshOptions;
  private size = 0; // entries ever added; entry numbers are 0, 1, 2...
  private readonly ringMask: number; // ring slot of entry e: e & ringMask
  private capacity = 0; // ring slots allocated so far (grows up to the window)
  // Per ring slot and band, the band key and the next (older) entry of its chain (-1 ends it) side by
  // side at [2 * (slot * bands + band)] and [+1] (a chain step reads one cache line instead of two), in
  // blocks of BLOCK slots that are added, never copied, as the index grows (see arena.ts for why).
  private blocks: Int32Array[] = [];
  private tableBits = 0;
  private heads: Int32Array = new Int32Array(0); // [band << tableBits | slot], -1 = empty
  private stamp: Int32Array = new Int32Array(0); // per ring slot: last query number that saw it (dedupes candidates)
  private queryNo = 0;
  private cursor: Int32Array;

  constructor(opts: Partial<LshOptions> = {}) {
    this.opts = { ...DEFAULT_LSH_OPTIONS, ...opts };
    const { bands, rows, window } = this.opts;
    if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) throw new RangeError(`bands and rows must be positive integers`);
    if (!(window >= 1 && window <= 1 << 30)) throw new RangeError(`window must be 1..2^30, got ${window}`);
    let ring = BLOCK;
    while (ring < window) ring *= 2;
    this.ringMask = ring - 1;
    this.cursor = new Int32Array(bands);
    this.grow(BLOCK);
    this.rehash(10);
  }

  /** Number of entries ever added (the searchable ones are the latest `window`). */
  get count(): number {
    return this.size;
  }

  /** Bytes held by the index's arrays. */
  get bytes(): number {
    return this.blocks.length * (this.blocks[0]?.byteLength ?? 0) + this.heads.byteLength + this.stamp.byteLength;
  }

  /** Band keys of a signature (one 32-bit hash per band). */
  bandKeys(sig: Uint32Array): Int32Array {
    const { bands, rows } = this.opts;
    if (sig.length < bands * rows) throw new RangeError(`signature has ${sig.length} values, needs ${bands * rows}`);
    const out = new Int32Array(bands);
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < rows; r++) {
        h = Math.imul(h ^ (sig[b * rows + r] as number), 0x01000193);
        h ^= h >>> 15;
      }
      out[b] = h;
    }
    return out;
  }

  /** Entries sharing at least one band with `sig`, most recent first; at most maxCandidates. */
  query(sig: Uint32Array): number[] {
    return this.queryKeys(this.bandKeys(sig));
  }

  /** As query, for band keys already computed. */
  queryKeys(bk: Int32Array): number[] {
    const { bands, maxChain, maxCandidates } = this.opts;
    const out: number[] = [];
    this.queryNo = (this.queryNo + 1) | 0;
    if (this.queryNo === 0) {
      this.stamp.fill(0);
      this.queryNo = 1;
    }
    const q = this.queryNo;
    const mask = (1 << this.tableBits) - 1;
    const ringMask = this.ringMask;
    const oldest = this.oldest();
    const blocks = this.blocks;
    const stamp = this.stamp;
    const heads = this.heads;
    const cursor = this.cursor;
    // Breadth first over the bands: every read in one round is independent of the others, so the CPU
    // overlaps their cache misses (a chain walked band by band waits for each miss in turn).
    for (let b = 0; b < bands; b++) cursor[b] = heads[(b << this.tableBits) | (slotOf(bk[b] as number) & mask)] as number;
    for (let step = 0; step < maxChain; step++) {
      let live = 0;
      for (let b = 0; b < bands; b++) {
        const e = cursor[b] as number;
        if (e < oldest) continue; // -1, or older than the window: the rest of the chain is older still
        live++;
        const r = e & ringMask;
        const links = blocks[r >>> BLOCK_BITS] as Int32Array;
        const at = 2 * ((r & BLOCK_MASK) * bands + b);
        if (links[at] === bk[b] && stamp[r] !== q) {
          stamp[r] = q;
          out.push(e);
          if (out.length >= maxCandidates) return out;
        }
        cursor[b] = links[at + 1] as number;
      }
      if (live === 0) break;
    }
    return out;
  }

  /** Adds an entry and returns its number (0, 1, 2... in insertion order). */
  add(sig: Uint32Array): number {
    return this.addKeys(this.bandKeys(sig));
  }

  /** As add, for band keys already computed; the oldest entry leaves the window when it is full. */
  addKeys(bk: Int32Array): number {
    const e = this.size;
    if (e >= 0x7fffffff) throw new RangeError('LSH index holds 2^31 entries');
    if (e < this.ringMask + 1 && e >= this.capacity) this.grow(this.capacity * 2);
    this.size++;
    // Keep the load at most LOAD live entries per slot so chains stay short; rehash links the new
    // entry too. Once the window is full the table stays as it is.
    if (this.size <= this.ringMask + 1 && this.size > LOAD << this.tableBits) {
      this.writeKeys(e, bk);
      this.rehash(this.tableBits + 1);
    } else {
      this.link(e, bk);
    }
    return e;
  }

  // Oldest searchable entry.
  private oldest(): number {
    return Math.max(0, this.size - (this.ringMask + 1));
  }

  private writeKeys(e: number, bk: Int32Array): void {
    const { bands } = this.opts;
    const r = e & this.ringMask;
    const links = this.blocks[r >>> BLOCK_BITS] as Int32Array;
    for (let b = 0; b < bands; b++) links[2 * ((r & BLOCK_MASK) * bands + b)] = bk[b] as number;
  }

  private link(e: number, bk: Int32Array): void {
    const { bands } = this.opts;
    const mask = (1 << this.tableBits) - 1;
    const r = e & this.ringMask;
    const links = this.blocks[r >>> BLOCK_BITS] as Int32Array;
    for (let b = 0; b < bands; b++) {
      const key = bk[b] as number;
      const at = 2 * ((r & BLOCK_MASK) * bands + b);
      const h = (b << this.tableBits) | (slotOf(key) & mask);
      links[at] = key;
      links[at + 1] = this.heads[h] as number;
      this.heads[h] = e;
    }
    this.stamp[r] = 0;
  }

  private grow(capacity: number): void {
    const { bands } = this.opts;
    capacity = Math.min(capacity, this.ringMask + 1);
    while (this.blocks.length * BLOCK < capacity) this.blocks.push(new Int32Array(2 * BLOCK * bands));
    const stamp = new Int32Array(capacity);
    stamp.set(this.stamp);
    this.stamp = stamp;
    this.capacity = capacity;
  }

  // Rebuilds every chain for a bigger table; relinking in insertion order keeps newest-first chains.
  // Band by band, so the heads written stay within one band's part of the table (cache-resident)
  // instead of scattering over all of it.
  private rehash(bits: number): void {
    const { bands } = this.opts;
    this.tableBits = bits;
    const heads = new Int32Array(bands << bits).fill(-1);
    const mask = (1 << bits) - 1;
    const from = this.oldest();
    for (let b = 0; b < bands; b++) {
      for (let e = from; e < this.size; e++) {
        const r = e & this.ringMask;
        const links = this.blocks[r >>> BLOCK_BITS] as Int32Array;
        const at = 2 * ((r & BLOCK_MASK) * bands + b);
        const h = (b << bits) | (slotOf(links[at] as number) & mask);
        links[at + 1] = heads[h] as number;
        heads[h] = e;
      }
    }
    this.heads = heads;
  }
}

function slotOf(key: number): number {
  let h = Math.imul(key, 0x9e3779b1);
  h ^= h >>> 16;
  return h;
}
