/**
 * Text with an offset map back into the raw input: output code unit i came from raw[start(i), end(i)).
 * `spans === null` means the identity map (nothing changed), which keeps the common path allocation-free.
 */
export interface MappedText {
  readonly text: string;
  /** Pairs [start, end) per output UTF-16 code unit, or null for identity. */
  readonly spans: Int32Array | null;
}

/** The identity mapping of `raw`. */
export function identity(raw: string): MappedText {
  return { text: raw, spans: null };
}

/** Raw start offset of output position `i` (i may equal text.length: then the raw end). */
export function rawStart(m: MappedText, i: number, rawLength: number): number {
  if (m.spans === null) return i;
  if (i >= m.text.length) return rawLength;
  return m.spans[2 * i] ?? rawLength;
}

/** Raw end offset of the output range ending at `i` (exclusive). */
export function rawEnd(m: MappedText, i: number): number {
  if (m.spans === null) return i;
  if (i <= 0) return 0;
  return m.spans[2 * (i - 1) + 1] ?? 0;
}

/** Builds a mapped text piece by piece; each pushed string maps to one input span. */
export class MapBuilder {
  private readonly parts: string[] = [];
  private spans: Int32Array;
  private n = 0;

  constructor(sizeHint: number) {
    this.spans = new Int32Array(Math.max(16, sizeHint * 2 + 8));
  }

  /** Appends `s`, every code unit of it coming from input span [a, b). */
  push(s: string, a: number, b: number): void {
    if (s.length === 0) return;
    this.parts.push(s);
    const need = (this.n + s.length) * 2;
    if (need > this.spans.length) {
      const bigger = new Int32Array(Math.max(need, this.spans.length * 2));
      bigger.set(this.spans);
      this.spans = bigger;
    }
    for (let k = 0; k < s.length; k++) {
      this.spans[2 * this.n] = a;
      this.spans[2 * this.n + 1] = b;
      this.n++;
    }
  }

  /** Appends input[a, b) unchanged: code unit k keeps its own span, taken from `via` when given. */
  pushSame(input: string, a: number, b: number, via: MappedText | null): void {
    if (b <= a) return;
    this.parts.push(input.slice(a, b));
    const need = (this.n + b - a) * 2;
    if (need > this.spans.length) {
      const bigger = new Int32Array(Math.max(need, this.spans.length * 2));
      bigger.set(this.spans);
      this.spans = bigger;
    }
    if (via?.spans) {
      this.spans.set(via.spans.subarray(2 * a, 2 * b), 2 * this.n);
      this.n += b - a;
      return;
    }
    for (let k = a; k < b; k++) {
      this.spans[2 * this.n] = k;
      this.spans[2 * this.n + 1] = k + 1;
      this.n++;
    }
  }

  /** The text built so far with spans relative to the input this builder was fed. */
  finish(): MappedText {
    return { text: this.parts.join(''), spans: this.spans.subarray(0, this.n * 2) };
  }
}

/** Maps `outer` (offsets into `inner.text`) through `inner` (offsets into raw): offsets into raw. */
export function compose(outer: MappedText, inner: MappedText, rawLength: number): MappedText {
  if (inner.spans === null) return outer;
  const n = outer.text.length;
  const spans = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const a = outer.spans === null ? i : (outer.spans[2 * i] ?? 0);
    const b = outer.spans === null ? i + 1 : (outer.spans[2 * i + 1] ?? 0);
    spans[2 * i] = rawStart(inner, a, rawLength);
    spans[2 * i + 1] = b > a ? rawEnd(inner, b) : rawStart(inner, a, rawLength);
  }
  return { text: outer.text, spans };
}
