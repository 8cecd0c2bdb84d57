/**
 * Hashed n-gram features of Vietnamese text, computed without allocating a string per n-gram.
 *
 * The text is NFC-normalised, lower-cased, stripped of zero-width characters, whitespace-collapsed and
 * letter runs squeezed to two ("quáaaa" → "quáa") into one UTF-16 buffer. From that buffer we hash:
 * word n-grams of the lower-cased syllables, word n-grams of their diacritic-free fold ("khong dau"
 * writing), and character n-grams of the lower-cased and of the folded stream. Emoji and emoticons stay
 * in the stream as symbol tokens because they carry signal.
 */
import { foldDiacritics } from '../../text/fold.js';

export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Highest word n-gram order on lower-cased syllables (0 = none). */
  wordNgrams: number;
  /** Highest word n-gram order on diacritic-folded syllables (0 = none). */
  foldedWordNgrams: number;
  /** Character n-gram orders on the lower-cased stream (charMax 0 = none). */
  charMin: number;
  charMax: number;
  /** Character n-grams on the folded stream too, same orders. */
  foldedChars: boolean;
  /**
   * Highest word n-gram order on a matching key such as the text core's `matchKey` (teencode expanded,
   * obfuscation reduced, no diacritics), passed to the extractor; 0 = none. Off in the shipped models:
   * it did not help measurably and matchKey costs far more than the rest of extraction.
   */
  keyNgrams?: number;
  /** Character n-grams of the matching key too, sharing the weights of the plain character n-grams. */
  keyChars?: boolean;
  /** Only the first maxChars UTF-16 units are read, so a huge post costs a bounded time. */
  maxChars: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 19,
  wordNgrams: 2,
  foldedWordNgrams: 2,
  charMin: 1,
  charMax: 5,
  foldedChars: false,
  maxChars: 4000,
};

/** Which family a traced feature belongs to. */
export type FeatureKind = 'word' | 'folded-word' | 'char' | 'folded-char' | 'key';

/** A feature with its readable n-gram (the slow path used for explanations). */
export interface TracedFeature {
  bucket: number;
  kind: FeatureKind;
  ngram: string;
  /** Span in the normalised stream (not in the raw text): features over the same words share it. */
  start: number;
  end: number;
}

// Character classes: 0 separator, 1 word character, 2 symbol (punctuation, emoji), 3 ignorable.
const CLASS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const FOLD_LIMIT = 0x2000;
const FOLD = new Uint16Array(FOLD_LIMIT);
const SPACE = 32;

function initTables(): void {
  const word = /[\p{L}\p{N}\p{M}]/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    if (
      (c >= 0x200b && c <= 0x200d) ||
      c === 0x2060 ||
      c === 0xfeff ||
      c === 0x00ad ||
      (c >= 0xfe00 && c <= 0xfe0f)
    ) {
      CLASS[c] = 3;
    } else if (c < 32 || c === 0x7f || (!surrogate && space.test(ch))) {
      CLASS[c] = 0;
    } else if (!surrogate && word.test(ch)) {
      CLASS[c] = 1;
    } else {
      CLASS[c] = 2;
    }
    const lower = surrogate ? ch : ch.toLowerCase();
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  // The Icelandic eth is a frequent mistake for đ.
  LOWER[0x00d0] = 0x0111;
  LOWER[0x00f0] = 0x0111;
  for (let c = 0; c < FOLD_LIMIT; c++) {
    const folded = foldDiacritics(String.fromCharCode(c));
    FOLD[c] = folded.length === 1 ? folded.charCodeAt(0) : c;
  }
}
initTables();

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5 | 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function combine(a: number, b: number): number {
  return fmix(Math.imul(a, 0x9e3779b1) ^ b);
}

// Namespace salts keep the feature families apart in the shared hash space.
const SALT_WORD = [0, 0x1a2b3c4d, 0x2b3c4d5e, 0x3c4d5e6f];
const SALT_FOLDED_WORD = [0, 0x4d5e6f70, 0x5e6f7081, 0x6f708192];
const SALT_KEY = [0, 0x7a8b9cad, 0x0b1c2d3e, 0x1c2d3e4f];
const SALT_CHAR = 0x13579bdf;
const SALT_FOLDED_CHAR = 0x2468ace0;

interface Trace {
  kinds: FeatureKind[];
  starts: number[];
  ends: number[];
}

/** Extracts hashed feature indices; one instance reuses its buffers, so it is not re-entrant. */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly mask: number;
  private buf = new Uint16Array(1024);
  private len = 0;
  private out = new Int32Array(8192);
  private count = 0;
  private tokStart = new Int32Array(256);
  private tokEnd = new Int32Array(256);
  private tokHash = new Int32Array(256);
  private tokFold = new Int32Array(256);
  private trace: Trace | null = null;

  private readonly keyOf: ((raw: string) => string) | null;

  /** `keyOf` computes the matching key; required only when the config uses key features. */
  constructor(config: FeatureConfig, keyOf?: (raw: string) => string) {
    if (config.bits < 8 || config.bits > 24) throw new RangeError('feature bits must be within 8..24');
    if (((config.keyNgrams ?? 0) > 0 || config.keyChars === true) && keyOf === undefined) {
      throw new RangeError('these features use a matching key: pass keyOf (e.g. matchKey from the text core)');
    }
    this.keyOf = keyOf ?? null;
    this.config = { ...config };
    this.mask = (1 << config.bits) - 1;
  }

  get buckets(): number {
    return this.mask + 1;
  }

  /**
   * Hashes `text` into bucket indices (repeats allowed, they count twice).
   * The returned array is a view into a reused buffer: copy it if you keep it past the next call.
   */
  extract(text: string): Int32Array {
    this.normalise(text);
    this.count = 0;
    this.emitAll();
    this.emitKey(text, null);
    return this.out.subarray(0, this.count);
  }

  /**
   * The same features as `extract`, each with its readable n-gram (slow; for explanations).
   * With `charStrings` false, character n-grams get an empty string (explanations only need their spans).
   */
  traced(text: string, charStrings = true): TracedFeature[] {
    this.normalise(text);
    this.count = 0;
    const trace: Trace = { kinds: [], starts: [], ends: [] };
    this.trace = trace;
    try {
      this.emitAll();
    } finally {
      this.trace = null;
    }
    const keyStart = this.count;
    const keyGrams: string[] = [];
    this.emitKey(text, keyGrams);
    const result: TracedFeature[] = [];
    for (let i = 0; i < keyStart; i++) {
      const kind = trace.kinds[i]!;
      const folded = kind === 'folded-word' || kind === 'folded-char';
      let ngram = '';
      const skip = !charStrings && (kind === 'char' || kind === 'folded-char');
      for (let j = trace.starts[i]!; !skip && j < trace.ends[i]!; j++) {
        const c = this.buf[j]!;
        ngram += String.fromCharCode(folded && c < FOLD_LIMIT ? FOLD[c]! : c);
      }
      result.push({ bucket: this.out[i]!, kind, ngram, start: trace.starts[i]!, end: trace.ends[i]! });
    }
    for (let i = keyStart; i < this.count; i++) {
      result.push({ bucket: this.out[i]!, kind: 'key', ngram: keyGrams[i - keyStart]!, start: -1, end: -1 });
    }
    return result;
  }

  private normalise(raw: string): void {
    const text = (raw.length > this.config.maxChars ? raw.slice(0, this.config.maxChars) : raw).normalize(
      'NFC',
    );
    const n = text.length;
    if (this.buf.length < n + 2) this.buf = new Uint16Array(2 * n + 2);
    const buf = this.buf;
    let len = 0;
    buf[len++] = SPACE;
    let prev = -1;
    let run = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c]!;
      if (cls === 3) continue;
      if (cls === 0) {
        if (buf[len - 1] !== SPACE) buf[len++] = SPACE;
        prev = SPACE;
        continue;
      }
      const lc = LOWER[c]!;
      if (lc === prev && (lc < 48 || lc > 57)) {
        // Squeeze elongations ("điiiii", ":))))") to two; digits keep their length.
        if (++run >= 2) continue;
      } else {
        run = 0;
      }
      buf[len++] = lc;
      prev = lc;
    }
    if (buf[len - 1] !== SPACE) buf[len++] = SPACE;
    this.len = len;
  }

  private push(h: number, kind: FeatureKind, start: number, end: number): void {
    if (this.count === this.out.length) {
      const grown = new Int32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.count++] = fmix(h) & this.mask;
    if (this.trace !== null) {
      this.trace.kinds.push(kind);
      this.trace.starts.push(start);
      this.trace.ends.push(end);
    }
  }

  private emitAll(): void {
    const { wordNgrams, foldedWordNgrams, charMin, charMax, foldedChars } = this.config;
    const buf = this.buf;
    const len = this.len;
    if (wordNgrams > 0 || foldedWordNgrams > 0) this.emitWords(wordNgrams, foldedWordNgrams);
    if (charMax > 0 && this.trace === null && !foldedChars) {
      this.emitCharsFast(charMin, charMax);
    } else if (charMax > 0) {
      for (let i = 0; i < len; i++) {
        let h = FNV_OFFSET ^ SALT_CHAR;
        let g = FNV_OFFSET ^ SALT_FOLDED_CHAR;
        let differs = false;
        for (let n = 1; n <= charMax && i + n <= len; n++) {
          const c = buf[i + n - 1]!;
          h = Math.imul(h ^ c, FNV_PRIME);
          if (foldedChars) {
            const f = c < FOLD_LIMIT ? FOLD[c]! : c;
            if (f !== c) differs = true;
            g = Math.imul(g ^ f, FNV_PRIME);
          }
          if (n >= charMin) {
            if (n === 1 && c === SPACE) continue;
            this.push(h + n, 'char', i, i + n);
            // A folded n-gram equal to the plain one adds nothing but a duplicate.
            if (foldedChars && differs) this.push(g + n, 'folded-char', i, i + n);
          }
        }
      }
    }
  }

  /** Word n-grams of the matching key; `grams` collects their strings on the traced path. */
  private emitKey(raw: string, grams: string[] | null): void {
    const order = this.config.keyNgrams ?? 0;
    const chars = this.config.keyChars === true && this.config.charMax > 0;
    if ((order <= 0 && !chars) || this.keyOf === null) return;
    const key = this.keyOf(raw.length > this.config.maxChars ? raw.slice(0, this.config.maxChars) : raw);
    if (chars) {
      const { charMin, charMax } = this.config;
      const padded = ` ${key} `;
      const need = this.count + padded.length * charMax;
      if (need > this.out.length) {
        const grown = new Int32Array(need * 2);
        grown.set(this.out.subarray(0, this.count));
        this.out = grown;
      }
      for (let i = 0; i < padded.length; i++) {
        let h = FNV_OFFSET ^ SALT_CHAR;
        const last = Math.min(charMax, padded.length - i);
        for (let n = 1; n <= last; n++) {
          const c = padded.charCodeAt(i + n - 1);
          h = Math.imul(h ^ c, FNV_PRIME);
          if (n < charMin || (n === 1 && c === SPACE)) continue;
          this.out[this.count++] = fmix(h + n) & this.mask;
          if (grams !== null) grams.push(padded.slice(i, i + n));
        }
      }
    }
    const words = key.split(' ').filter((w) => w !== '');
    const hashes = words.map((w) => {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      return fmix(h);
    });
    const need = this.count + words.length * order;
    if (need > this.out.length) {
      const grown = new Int32Array(need * 2);
      grown.set(this.out.subarray(0, this.count));
      this.out = grown;
    }
    for (let k = 0; k < words.length; k++) {
      for (let n = 1; n <= order && k - n + 1 >= 0; n++) {
        let h = SALT_KEY[n] ?? n;
        for (let m = k - n + 1; m <= k; m++) h = combine(h, hashes[m]!);
        this.out[this.count++] = fmix(h) & this.mask;
        if (grams !== null) grams.push(words.slice(k - n + 1, k + 1).join(' '));
      }
    }
  }

  /** The hot loop of `extract`: the same hashes as the traced path, without per-feature calls. */
  private emitCharsFast(charMin: number, charMax: number): void {
    const buf = this.buf;
    const len = this.len;
    const need = this.count + len * charMax;
    if (need > this.out.length) {
      const grown = new Int32Array(need * 2);
      grown.set(this.out.subarray(0, this.count));
      this.out = grown;
    }
    const out = this.out;
    const mask = this.mask;
    let count = this.count;
    for (let i = 0; i < len; i++) {
      let h = FNV_OFFSET ^ SALT_CHAR;
      const last = Math.min(charMax, len - i);
      for (let n = 1; n <= last; n++) {
        const c = buf[i + n - 1]!;
        h = Math.imul(h ^ c, FNV_PRIME);
        if (n < charMin || (n === 1 && c === SPACE)) continue;
        let x = (h + n) | 0;
        x ^= x >>> 16;
        x = Math.imul(x, 0x85ebca6b);
        x ^= x >>> 13;
        x = Math.imul(x, 0xc2b2ae35);
        out[count++] = (x ^ (x >>> 16)) & mask;
      }
    }
    this.count = count;
  }

  private emitWords(wordNgrams: number, foldedWordNgrams: number): void {
    const buf = this.buf;
    const len = this.len;
    let t = 0;
    let i = 0;
    while (i < len) {
      const c = buf[i]!;
      if (c === SPACE) {
        i++;
        continue;
      }
      const cls = CLASS[c]!;
      const start = i;
      let h = FNV_OFFSET;
      let g = FNV_OFFSET;
      while (i < len) {
        const d = buf[i]!;
        if (d === SPACE || CLASS[d] !== cls) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        g = Math.imul(g ^ (d < FOLD_LIMIT ? FOLD[d]! : d), FNV_PRIME);
        i++;
      }
      if (t === this.tokStart.length) this.growTokens();
      this.tokStart[t] = start;
      this.tokEnd[t] = i;
      this.tokHash[t] = fmix(h);
      this.tokFold[t] = fmix(g);
      t++;
    }
    for (let k = 0; k < t; k++) {
      for (let n = 1; n <= wordNgrams && k - n + 1 >= 0; n++) {
        let h = SALT_WORD[n] ?? n;
        for (let m = k - n + 1; m <= k; m++) h = combine(h, this.tokHash[m]!);
        this.push(h, 'word', this.tokStart[k - n + 1]!, this.tokEnd[k]!);
      }
      for (let n = 1; n <= foldedWordNgrams && k - n + 1 >= 0; n++) {
        let h = SALT_FOLDED_WORD[n] ?? n;
        for (let m = k - n + 1; m <= k; m++) h = combine(h, this.tokFold[m]!);
        this.push(h, 'folded-word', this.tokStart[k - n + 1]!, this.tokEnd[k]!);
      }
    }
  }

  private growTokens(): void {
    const size = this.tokStart.length * 2;
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.tokStart = grow(this.tokStart);
    this.tokEnd = grow(this.tokEnd);
    this.tokHash = grow(this.tokHash);
    this.tokFold = grow(this.tokFold);
  }
}
