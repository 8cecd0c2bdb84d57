/**
 * Display mode: readable standard Vietnamese — encoding fixed, characters cleaned, teencode and
 * slang expanded; case, punctuation, emoji and spacing kept.
 */
import { fixAndScan } from './encoding.js';
import { MapBuilder, type MappedText } from './mapped.js';
import { foldWord } from './key.js';
import { chooseWith, lexEntry, readCk, type LexEntry } from './teencode.js';
import * as tok from './tokenize.js';
import { WordMemo } from './word-memo.js';
import * as chars from './char-class.js';

// Local copies: hot loops should not read through module bindings (a getter under some loaders).
const { LETTER, charClass, toLower } = chars;
const { K_NUMBER, K_PUNCT, K_WORD, TokenColumns } = tok;
type TokenColumns = tok.TokenColumns;

/** Applies the case pattern of `model` (lower, Title, UPPER) to `word`. */
export function applyCase(model: string, word: string): string {
  return withCase(casingOf(model), word);
}

const AS_IS = 0;
const TITLE = 1;
const UPPER = 2;

function casingOf(model: string): number {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return UPPER;
  const first = model.charAt(0);
  return first !== first.toLowerCase() ? TITLE : AS_IS;
}

function withCase(casing: number, word: string): string {
  if (casing === UPPER) return word.toUpperCase();
  if (casing === TITLE) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

// Runs of 3+ identical letters are never Vietnamese spelling ("quáaaa", "điiiii").
const REPEAT = /(\p{L})\1{2,}/gu;

const UNITS = new Set(['k', 'tr', 'đ', 'd', 'm', 'h', 'p', 'kg', 'km', 'cm', 'g', 'l', 'ml', 'v', 't', 's']);

// Chain separators, one character each: . - _ ~ * ' ` ^ +
function isChainSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2d || c === 0x5f || c === 0x7e || c === 0x2a || c === 0x27 || c === 0x60 || c === 0x5e || c === 0x2b;
}

/**
 * Whether word token i (of at most two units) is a piece of an obfuscated chain: a one-character
 * separator and another word of at most two units right before or right after it, with no spaces.
 */
function inChain(text: string, cols: TokenColumns, n: number, i: number): boolean {
  const { kinds, starts, ends } = cols;
  const start = starts[i] ?? 0;
  const end = ends[i] ?? 0;
  if (i >= 2) {
    const sepStart = starts[i - 1] ?? 0;
    const sepEnd = ends[i - 1] ?? 0;
    if (
      kinds[i - 1] === K_PUNCT && sepEnd - sepStart === 1 && isChainSeparator(text.charCodeAt(sepStart)) && kinds[i - 2] === K_WORD &&
      (ends[i - 2] ?? 0) - (starts[i - 2] ?? 0) <= 2 && sepEnd === start && ends[i - 2] === sepStart
    )
      return true;
  }
  if (i + 2 < n) {
    const sepStart = starts[i + 1] ?? 0;
    const sepEnd = ends[i + 1] ?? 0;
    if (
      kinds[i + 1] === K_PUNCT && sepEnd - sepStart === 1 && isChainSeparator(text.charCodeAt(sepStart)) && kinds[i + 2] === K_WORD &&
      (ends[i + 2] ?? 0) - (starts[i + 2] ?? 0) <= 2 && sepStart === end && starts[i + 2] === sepEnd
    )
      return true;
  }
  return false;
}

// Whether a lower-case word has a run of three identical letters (cheap test before the regex).
function hasTripleLetter(w: string): boolean {
  for (let i = 2; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === w.charCodeAt(i - 1) && c === w.charCodeAt(i - 2) && (c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : (charClass(c) & LETTER) !== 0))
      return true;
  }
  return false;
}

/** What display needs about one surface word, memoised per surface form. */
interface DisplayWord {
  readonly lower: string;
  /** The dictionary entry of `lower`. */
  readonly lex: LexEntry | undefined;
  /** A unit after a number ("50 k"): left alone there. */
  readonly unit: boolean;
  readonly ck: boolean;
  /** `lower` with runs of 3+ letters squeezed, when that changes it, and its dictionary entry. */
  readonly squeezed: string | undefined;
  readonly squeezedLex: LexEntry | undefined;
  /** Case pattern of the surface form (AS_IS, TITLE, UPPER), applied to a replacement. */
  readonly casing: number;
}

// Comments repeat a small vocabulary: lower-casing, dictionary look-up and the case pattern are done
// once per distinct word. Cleared when large: a bounded memory cost with no eviction bookkeeping.
const DISPLAY_WORDS = new WordMemo<DisplayWord>(100_000);

function newDisplayWord(surface: string): DisplayWord {
  const lower = toLower(surface);
  let squeezed: string | undefined;
  if (hasTripleLetter(lower)) {
    const s = lower.replace(REPEAT, '$1');
    if (s !== lower) squeezed = s;
  }
  const dw: DisplayWord = {
    lower,
    lex: lexEntry(lower),
    unit: UNITS.has(lower),
    ck: lower === 'ck',
    squeezed,
    squeezedLex: squeezed === undefined ? undefined : lexEntry(squeezed),
    casing: casingOf(surface),
  };
  DISPLAY_WORDS.set(surface, dw);
  return dw;
}

/** "ck" read from the folded words and numbers up to three tokens either side (see readCk). */
function readCkAt(words: ReadonlyArray<DisplayWord | undefined>, kinds: Uint8Array, n: number, i: number): string | undefined {
  const folded: string[] = [];
  let numberNear = false;
  for (let k = Math.max(0, i - 3); k < Math.min(n, i + 4); k++) {
    folded.push(foldWord(words[k]?.lower ?? ''));
    if (kinds[k] === K_NUMBER) numberNear = true;
  }
  return readCk(folded, Math.min(i, 3), numberNear) === 'chuyen khoan' ? 'chuyển khoản' : undefined;
}

/** The replacement of word token i, or undefined to keep it as written. */
function choose(text: string, cols: TokenColumns, words: ReadonlyArray<DisplayWord | undefined>, n: number, i: number, dw: DisplayWord): string | undefined {
  const { kinds, starts, ends } = cols;
  // Obfuscated spellings ("đ.m", "d~i.t") stay as written; the matching key reduces them.
  if ((ends[i] ?? 0) - (starts[i] ?? 0) <= 2 && inChain(text, cols, n, i)) return undefined;
  // "50 k", "2 tr": units after a number, not teencode.
  if (dw.unit && i > 0 && kinds[i - 1] === K_NUMBER) return undefined;
  let choice = dw.ck ? readCkAt(words, kinds, n, i) : undefined;
  if (choice !== undefined || (dw.lex === undefined && dw.squeezed === undefined)) return choice;
  const prev = i > 0 ? (words[i - 1]?.lower ?? '') : '';
  const next = i + 1 < n ? (words[i + 1]?.lower ?? '') : '';
  if (dw.lex !== undefined) choice = chooseWith(dw.lex, dw.lower, prev, next);
  if (choice === undefined && dw.squeezed !== undefined) choice = (dw.squeezedLex === undefined ? undefined : chooseWith(dw.squeezedLex, dw.squeezed, prev, next)) ?? dw.squeezed;
  return choice;
}

// Display's own token columns and per-token words, reused across calls (display never re-enters itself).
const COLS = new TokenColumns();
const WORDS: Array<DisplayWord | undefined> = [];

/**
 * Builds display text. With `withMap` the result carries offsets into raw; without it only the text
 * is built (normalizeDisplay), which skips the per-code-unit map.
 */
function display(raw: string, withMap: boolean): MappedText {
  const cols = COLS;
  const mapped = fixAndScan(raw, cols);
  const n = cols.length;
  const text = mapped.text;
  const { kinds, starts, ends, hashes } = cols;
  const words = WORDS;
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== K_WORD) {
      words[i] = undefined;
      continue;
    }
    const a = starts[i] ?? 0;
    const b = ends[i] ?? 0;
    words[i] = DISPLAY_WORDS.getHashed(text, a, b, hashes[i] ?? 0) ?? newDisplayWord(text.slice(a, b));
  }
  const out = withMap ? new MapBuilder(text.length) : null;
  let s = '';
  let last = 0;
  for (let i = 0; i < n; i++) {
    const dw = words[i];
    if (dw === undefined) continue;
    const choice = choose(text, cols, words, n, i, dw);
    if (choice === undefined) continue;
    const start = starts[i] ?? 0;
    const end = ends[i] ?? 0;
    const cased = withCase(dw.casing, choice);
    if (out !== null) {
      out.pushSame(text, last, start, mapped);
      out.push(cased, spanA(mapped, start), spanB(mapped, end - 1));
    } else {
      if (start > last) s += text.slice(last, start);
      s += cased;
    }
    last = end;
  }
  if (out !== null) {
    out.pushSame(text, last, text.length, mapped);
    return out.finish();
  }
  if (last === 0) return { text, spans: null };
  if (last < text.length) s += text.slice(last);
  return { text: s, spans: null };
}

/** Display text with offsets into the raw input. */
export function displayMapped(raw: string): MappedText {
  return display(raw, true);
}

function spanA(m: MappedText, i: number): number {
  return m.spans === null ? i : (m.spans[2 * i] ?? 0);
}
function spanB(m: MappedText, i: number): number {
  return m.spans === null ? i + 1 : (m.spans[2 * i + 1] ?? 0);
}

/** Display mode: `normalizeDisplay("ko bít j đâu :))")` → "không biết gì đâu :))". */
export function normalizeDisplay(raw: string): string {
  return display(raw, false).text;
}
