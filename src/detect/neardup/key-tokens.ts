/**
 * Matching-key syllables with offsets into the raw text, and sentence spans.
 *
 * Everything in this folder reaches tokens only through this file. `keyTokens` and `sentences` are the
 * text core's (src/text: legacy encodings, obfuscation, context-aware teencode). `fastKeyTokens` is the
 * earlier stand-in, kept because it is about 10× faster: a plain fold table (lower case, no diacritics,
 * đ → d), repeated letters squeezed and a few very common teencode forms expanded. The near-duplicate
 * index can use it (option `fastKey`) where throughput matters more than legacy-encoded input.
 */
import { foldDiacritics } from '../../text/fold.js';
import { keyTokens as coreKeyTokens, matchKey as coreMatchKey, sentences as coreSentences } from '../../text/index.js';

/** One syllable: its matching key and its span [start, end) in the raw text (UTF-16 offsets). */
export interface KeyToken {
  key: string;
  start: number;
  end: number;
}

/** A sentence span [start, end) in the raw text. */
export interface Span {
  start: number;
  end: number;
}

/** The text core's matching-key tokens. Example: `keyTokens("Ko đc!")` → keys "khong", "duoc". */
export function keyTokens(raw: string): KeyToken[] {
  return coreKeyTokens(raw);
}

/** The text core's matching key: the keys of `keyTokens` joined by single spaces, without offsets. */
export function matchKey(raw: string): string {
  return coreMatchKey(raw);
}

/** The text core's sentence spans over raw. */
export function sentences(raw: string): Span[] {
  return coreSentences(raw);
}

// Per-code-unit fold table for U+0000..U+1FFF: 0 = separator, 1 = combining mark (skipped inside a
// token, so NFD input keys like NFC), otherwise the folded lower-case ASCII/letter code unit.
const TABLE_SIZE = 0x2000;
const SEP = 0;
const MARK = 1;
const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0x300 && c <= 0x36f) {
      table[c] = MARK;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      const folded = foldDiacritics(ch.toLowerCase());
      // Keep only folds that stay one code unit (all Vietnamese letters do); others keep themselves.
      table[c] = folded.length === 1 ? folded.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : c;
    }
  }
  return table;
}

// Common teencode forms (VIETNAMESE.md A4). Deliberately small: the text core owns the full list.
const TEENCODE: ReadonlyMap<string, string> = new Map([
  ['ko', 'khong'], ['k', 'khong'], ['kh', 'khong'], ['hok', 'khong'], ['hem', 'khong'], ['kg', 'khong'],
  ['khg', 'khong'], ['khog', 'khong'], ['dc', 'duoc'], ['dk', 'duoc'], ['j', 'gi'], ['r', 'roi'],
  ['vs', 'voi'], ['mk', 'minh'], ['mik', 'minh'], ['cx', 'cung'], ['ng', 'nguoi'], ['bit', 'biet'],
  ['wa', 'qua'], ['ns', 'noi'], ['nc', 'nuoc'], ['bn', 'ban'], ['ntn', 'nhu the nao'],
]);

const MAX_KEY_LENGTH = 64;

/** Letters repeated three or more times collapse to one ("nhiềuuuu" → "nhieu"); doubles stay. */
function squeeze(codes: number[]): number[] {
  const out: number[] = [];
  let k = 0;
  while (k < codes.length) {
    const c = codes[k] as number;
    let e = k + 1;
    while (e < codes.length && codes[e] === c) e++;
    if (e - k >= 3) out.push(c);
    else for (let m = k; m < e; m++) out.push(c);
    k = e;
  }
  return out;
}

const isLetterSlow = (c: number): boolean => /[\p{L}\p{N}]/u.test(String.fromCharCode(c));

/**
 * Fast stand-in key tokens with offsets. Example: `fastKeyTokens("Ko đc!")` →
 * `[{key:"khong",start:0,end:2},{key:"duoc",start:3,end:5}]`.
 */
export function fastKeyTokens(raw: string): KeyToken[] {
  const out: KeyToken[] = [];
  const n = raw.length;
  let i = 0;
  const buf: number[] = [];
  while (i < n) {
    const c = raw.charCodeAt(i);
    const f = c < TABLE_SIZE ? (FOLD[c] ?? SEP) : isLetterSlow(c) ? c : SEP;
    if (f === SEP || f === MARK) {
      i++;
      continue;
    }
    const start = i;
    buf.length = 0;
    while (i < n) {
      const d = raw.charCodeAt(i);
      const g = d < TABLE_SIZE ? (FOLD[d] ?? SEP) : isLetterSlow(d) ? d : SEP;
      if (g === SEP) break;
      i++;
      // Marks are skipped; keys are capped so a 1 MB run without spaces stays one bounded token.
      if (g !== MARK && buf.length < MAX_KEY_LENGTH) buf.push(g);
    }
    let key = String.fromCharCode(...squeeze(buf));
    key = TEENCODE.get(key) ?? key;
    out.push({ key, start, end: i });
  }
  return out;
}

/** Fast stand-in sentence spans: split after . ! ? … ; and at line breaks; empty ones dropped. */
export function fastSentences(raw: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?…;\n]+[.!?…;]*/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(raw[start] ?? '')) start++;
    while (end > start && /\s/.test(raw[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
