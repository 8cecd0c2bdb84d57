/**
 * Display mode: readable standard Vietnamese — encoding fixed, characters cleaned, teencode and
 * slang expanded; case, punctuation, emoji and spacing kept.
 */
import { fixEncodingMapped } from './encoding.js';
import { MapBuilder, type MappedText } from './mapped.js';
import { foldWord } from './key.js';
import { chooseDisplay, readCk } from './teencode.js';
import { tokenize, type Token } from './tokenize.js';
import * as chars from './char-class.js';

const { LETTER, charClass, toLower } = chars;

/** Applies the case pattern of `model` (lower, Title, UPPER) to `word`. */
export function applyCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

// Runs of 3+ identical letters are never Vietnamese spelling ("quáaaa", "điiiii").
const REPEAT = /(\p{L})\1{2,}/gu;

const UNITS = new Set(['k', 'tr', 'đ', 'd', 'm', 'h', 'p', 'kg', 'km', 'cm', 'g', 'l', 'ml', 'v', 't', 's']);
const CHAIN_SEP = /^[.\-_~*'`^+]$/;

function inChain(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.text.length > 2) return false;
  return isLink(t, tokens[i - 1], tokens[i - 2], true) || isLink(t, tokens[i + 1], tokens[i + 2], false);
}

// Module-level helpers rather than closures: these run per word, and a closure per call costs.
function isLink(t: Token, sep: Token | undefined, other: Token | undefined, before: boolean): boolean {
  return (
    sep !== undefined && other !== undefined && sep.kind === 'punct' && CHAIN_SEP.test(sep.text) && other.kind === 'word' && other.text.length <= 2 &&
    (before ? sep.end === t.start && other.end === sep.start : sep.start === t.end && other.start === sep.end)
  );
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

/**
 * Builds display text. With `withMap` the result carries offsets into raw; without it only the text
 * is built (normalizeDisplay), which skips the per-code-unit map.
 */
function display(raw: string, withMap: boolean): MappedText {
  const { mapped } = fixEncodingMapped(raw);
  const text = mapped.text;
  const tokens = tokenize(text);
  const words: string[] = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    words[i] = t !== undefined && t.kind === 'word' ? toLower(t.text) : '';
  }
  const out = withMap ? new MapBuilder(text.length) : null;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind !== 'word') continue;
    const lower = words[i] ?? '';
    let choice: string | undefined;
    // Obfuscated spellings ("đ.m", "d~i.t") stay as written; the matching key reduces them.
    if (inChain(tokens, i)) continue;
    // "50 k", "2 tr": units after a number, not teencode.
    if (tokens[i - 1]?.kind === 'number' && UNITS.has(lower)) continue;
    if (lower === 'ck') {
      const folded = words.slice(Math.max(0, i - 3), i + 4).map((w) => foldWord(w));
      const numberNear = tokens.slice(Math.max(0, i - 3), i + 4).some((x) => x.kind === 'number');
      if (readCk(folded, Math.min(i, 3), numberNear) === 'chuyen khoan') choice = 'chuyển khoản';
    }
    choice ??= chooseDisplay(lower, words[i - 1] ?? '', words[i + 1] ?? '');
    if (choice === undefined && hasTripleLetter(lower)) {
      const squeezed = lower.replace(REPEAT, '$1');
      if (squeezed !== lower) choice = chooseDisplay(squeezed, words[i - 1] ?? '', words[i + 1] ?? '') ?? squeezed;
    }
    if (choice === undefined) continue;
    const cased = applyCase(t.text, choice);
    if (out !== null) {
      out.pushSame(text, last, t.start, mapped);
      out.push(cased, spanA(mapped, t.start), spanB(mapped, t.end - 1));
    } else {
      if (t.start > last) parts.push(text.slice(last, t.start));
      parts.push(cased);
    }
    last = t.end;
  }
  if (out !== null) {
    out.pushSame(text, last, text.length, mapped);
    return out.finish();
  }
  if (last === 0) return { text, spans: null };
  if (last < text.length) parts.push(text.slice(last));
  return { text: parts.join(''), spans: null };
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
