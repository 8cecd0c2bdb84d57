/**
 * Per-UTF-16-unit character classes, computed lazily once per code unit, so hot loops test a
 * Uint8Array instead of running Unicode-property regexes.
 */

/** Letter, mark or number (`[\p{L}\p{M}\p{N}]`): continues a word. */
export const WORD = 1;
/** Letter (`\p{L}`). */
export const LETTER = 2;
/**
 * Needs no clean-up and cannot change under NFC, whatever surrounds it: NFC_QC=Yes with combining
 * class 0 (no marks, no Hangul jamo, no singletons) and nothing `cleanMapped` would touch.
 */
export const SAFE = 4;
/** A Vietnamese letter outside Latin-1 (ă đ ơ ư ạ ả …): text with one is Unicode, never mojibake. */
export const VI_NON_LATIN1 = 8;
/** A character a legacy byte table could rewrite (Latin-1 upper half, Windows-1252 extras). */
export const LEGACY = 16;
/** May start an emoji (`\p{Extended_Pictographic}`). */
export const PICTO = 32;
/** Changes under toLowerCase (upper or title case). */
export const UPPER = 64;
const DONE = 128;

const TABLE = new Uint8Array(65536);

// The same set cleanMapped rewrites or removes (see clean.ts NEEDS_WORK).
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[&\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u00ad\u00d0\u00f0\u0300-\u036f\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufe00-\ufe0f\uff01-\uff5e]/;
const NON_LATIN1_VI = /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u017a-\u017c\u017f-\u0191\u0193-\u02c5\u02c7-\u02db\u02dd-\u02ff\u1e00-\u1eff]/;
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const RE_WORD = /[\p{L}\p{M}\p{N}]/u;
const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_PICTO = /\p{Extended_Pictographic}/u;

function compute(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return DONE; // surrogates: callers look at the code point
  const ch = String.fromCharCode(c);
  let k = DONE;
  if (RE_WORD.test(ch)) k |= WORD;
  if (RE_LETTER.test(ch)) k |= LETTER;
  // Marks and Hangul jamo can combine with what precedes them; NFC_QC=No characters change alone.
  const combines = RE_MARK.test(ch) || (c >= 0x1100 && c <= 0x11ff);
  if (!NEEDS_WORK.test(ch) && !combines && ch.normalize('NFC') === ch) k |= SAFE;
  if (NON_LATIN1_VI.test(ch)) k |= VI_NON_LATIN1;
  if ((c >= 0x80 && c <= 0xff) || CP1252_HIGH.includes(ch)) k |= LEGACY;
  if (RE_PICTO.test(ch)) k |= PICTO;
  if (ch.toLowerCase() !== ch) k |= UPPER;
  return k;
}

/** The class bits of one UTF-16 code unit (0 for surrogates). */
export function charClass(c: number): number {
  let k = TABLE[c] ?? 0;
  if (k === 0) {
    k = compute(c);
    TABLE[c] = k;
  }
  return k;
}

/** Whether code unit `c` is a letter, mark or number. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return (charClass(c) & WORD) !== 0;
}

/** `w.toLowerCase()`, returning `w` itself without a call when it has no upper-case unit. */
export function toLower(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x80 ? c >= 0x41 && c <= 0x5a : c >= 0xd800 || (charClass(c) & UPPER) !== 0) return w.toLowerCase();
  }
  return w;
}
