/**
 * kiemtin's Vietnamese text core. Pure functions: no database, network, clock or environment.
 * See docs/text.md for the pipeline, the key and the offsets contract.
 */
import { TokenColumns, sentenceSpans, tokensOf, type Token } from './tokenize.js';
import { fixAndScan, fixEncodingMapped } from './encoding.js';
import type { MappedText } from './mapped.js';

export type { Token, TokenKind } from './tokenize.js';
export type { KeyToken } from './key.js';
export type { Encoding } from './encoding.js';
export type { MappedText } from './mapped.js';
export { keyTokens, matchKey, foldWord } from './key.js';
export { normalizeDisplay, displayMapped } from './display.js';
export { detectEncoding, fixEncoding, fixEncodingMapped } from './encoding.js';
export { canonicalSyllable, isVietnameseSyllable } from './syllable.js';
export { ngrams } from './tokenize.js';
export { foldDiacritics } from './fold.js';

function mapToken(t: Token, m: MappedText, rawLength: number): Token {
  if (m.spans === null) return t;
  const start = m.spans[2 * t.start] ?? rawLength;
  const end = t.end > t.start ? (m.spans[2 * (t.end - 1) + 1] ?? rawLength) : start;
  return { text: t.text, kind: t.kind, start, end };
}

/**
 * Tokens of `raw` with offsets into raw. `text` is the cleaned form (encoding fixed, NFC), so it can
 * differ from `raw.slice(start, end)` when the raw text was legacy-encoded or decomposed.
 */
export function tokenize(raw: string): Token[] {
  const mapped = fixAndScan(raw, COLS);
  const tokens = tokensOf(mapped.text, COLS, COLS.length);
  if (mapped.spans === null) return tokens;
  for (let i = 0; i < tokens.length; i++) tokens[i] = mapToken(tokens[i] as Token, mapped, raw.length);
  return tokens;
}

// tokenize's own columns (the key and display keep theirs).
const COLS = new TokenColumns();

/** Sentence spans over raw: `sentences("Một. Hai!")` → [{start:0,end:4},{start:5,end:9}]. */
export function sentences(raw: string): Array<{ start: number; end: number }> {
  const { mapped } = fixEncodingMapped(raw);
  const spans = sentenceSpans(mapped.text);
  if (mapped.spans === null) return spans;
  return spans.map((s) => ({
    start: mapped.spans?.[2 * s.start] ?? raw.length,
    end: s.end > s.start ? (mapped.spans?.[2 * (s.end - 1) + 1] ?? raw.length) : (mapped.spans?.[2 * s.start] ?? raw.length),
  }));
}
