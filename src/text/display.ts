/**
 * Display mode: readable standard Vietnamese — encoding fixed, characters cleaned, teencode and
 * slang expanded; case, punctuation, emoji and spacing kept.
 */
import { fixEncodingMapped } from './encoding.js';
import { MapBuilder, type MappedText } from './mapped.js';
import { foldWord } from './key.js';
import { chooseDisplay, readCk } from './teencode.js';
import { tokenize, type Token } from './tokenize.js';

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
  const linked = (sep: Token | undefined, other: Token | undefined, before: boolean): boolean =>
    sep !== undefined && other !== undefined && sep.kind === 'punct' && CHAIN_SEP.test(sep.text) && other.kind === 'word' && other.text.length <= 2 &&
    (before ? sep.end === t.start && other.end === sep.start : sep.start === t.end && other.start === sep.end);
  return linked(tokens[i - 1], tokens[i - 2], true) || linked(tokens[i + 1], tokens[i + 2], false);
}

/** Display text with offsets into the raw input. */
export function displayMapped(raw: string): MappedText {
  const { mapped } = fixEncodingMapped(raw);
  const text = mapped.text;
  const tokens = tokenize(text);
  const words = tokens.map((t) => (t.kind === 'word' ? t.text.toLowerCase() : ''));
  const out = new MapBuilder(text.length);
  let last = 0;
  const emit = (a: number, b: number): void => out.pushSame(text, a, b, mapped);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind !== 'word') continue;
    const lower = words[i] ?? '';
    // Obfuscated spellings ("đ.m", "d~i.t") stay as written; the matching key reduces them.
    if (inChain(tokens, i)) continue;
    // "50 k", "2 tr": units after a number, not teencode.
    if (tokens[i - 1]?.kind === 'number' && UNITS.has(lower)) continue;
    if (lower === 'ck') {
      const folded = words.slice(Math.max(0, i - 3), i + 4).map((w) => foldWord(w));
      const numberNear = tokens.slice(Math.max(0, i - 3), i + 4).some((x) => x.kind === 'number');
      const ck = readCk(folded, Math.min(i, 3), numberNear);
      if (ck === 'chuyen khoan') {
        emit(last, t.start);
        out.push(applyCase(t.text, 'chuyển khoản'), spanA(mapped, t.start), spanB(mapped, t.end - 1));
        last = t.end;
        continue;
      }
    }
    let choice = chooseDisplay(lower, words[i - 1] ?? '', words[i + 1] ?? '');
    if (choice === undefined) {
      const squeezed = lower.replace(REPEAT, '$1');
      if (squeezed !== lower) choice = chooseDisplay(squeezed, words[i - 1] ?? '', words[i + 1] ?? '') ?? squeezed;
    }
    if (choice === undefined) continue;
    emit(last, t.start);
    out.push(applyCase(t.text, choice), spanA(mapped, t.start), spanB(mapped, t.end - 1));
    last = t.end;
  }
  emit(last, text.length);
  return out.finish();
}

function spanA(m: MappedText, i: number): number {
  return m.spans === null ? i : (m.spans[2 * i] ?? 0);
}
function spanB(m: MappedText, i: number): number {
  return m.spans === null ? i + 1 : (m.spans[2 * i + 1] ?? 0);
}

/** Display mode: `normalizeDisplay("ko bít j đâu :))")` → "không biết gì đâu :))". */
export function normalizeDisplay(raw: string): string {
  return displayMapped(raw).text;
}
