/**
 * Append-only storage of variable-length runs of numbers in fixed-size chunks.
 *
 * Why chunks and not one array that doubles: on the virtual machines this runs on, the first write to
 * a fresh memory page is the expensive part (a page fault costs ~15 µs on the benchmark machine), and
 * a doubling array writes everything twice (the copy) and faults in every page again. Here each stored
 * value is written once and nothing is copied as the index grows.
 */

type Numbers = Uint8Array | Uint32Array;

export class ChunkedArena<A extends Numbers> {
  private readonly chunks: A[] = [];
  private current: A;
  private used = 0;

  /**
   * `alloc(n)` makes a zeroed array of n values (e.g. `(n) => new Uint32Array(n)`); every run must fit
   * in one chunk of `chunkSize` values.
   */
  constructor(
    private readonly alloc: (n: number) => A,
    readonly chunkSize: number,
  ) {
    this.current = alloc(chunkSize);
    this.chunks.push(this.current);
  }

  /** Free values in one chunk for a run of up to `n` (starts a new chunk when the current one is short). */
  reserve(n: number): A {
    if (n > this.chunkSize) throw new RangeError(`run of ${n} values exceeds the chunk size ${this.chunkSize}`);
    if (this.used + n > this.chunkSize) {
      this.current = this.alloc(this.chunkSize);
      this.chunks.push(this.current);
      this.used = 0;
    }
    return this.current.subarray(this.used) as A;
  }

  /** Keeps the first `n` values written into the last `reserve`; returns the run's position. */
  commit(n: number): number {
    const pos = (this.chunks.length - 1) * this.chunkSize + this.used;
    this.used += n;
    return pos;
  }

  /** Appends a run; returns its position. */
  push(values: A): number {
    this.reserve(values.length).set(values);
    return this.commit(values.length);
  }

  /** The run of `length` values at `pos` (a view, not a copy). */
  at(pos: number, length: number): A {
    const c = Math.floor(pos / this.chunkSize);
    const off = pos - c * this.chunkSize;
    return (this.chunks[c] as A).subarray(off, off + length) as A;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.length * (this.current.byteLength / this.current.length) * this.chunkSize;
  }
}
