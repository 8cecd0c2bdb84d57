/**
 * Legacy Vietnamese encodings: detection and conversion to Unicode NFC, with offsets.
 * Legacy 8-bit text reaches us as mojibake — each byte read as Latin-1 or Windows-1252 — so the
 * tables below map those characters back. Byte tables for TCVN3 and VISCII follow iconv-lite (MIT).
 */
import * as chars from './char-class.js';
import { cleanMapped, isEmojiContext } from './clean.js';
import { MapBuilder, compose, identity, type MappedText } from './mapped.js';
import { canonicalSyllable, isVietnameseSyllable, splitTone, withTone, type Tone } from './syllable.js';
import * as tok from './tokenize.js';

// Local copies: hot loops should not read through module bindings (a getter under some loaders).
const { SAFE, LEGACY, VI_NON_LATIN1, charClass } = chars;
const { K_WORD, scanTokens } = tok;
type TokenColumns = tok.TokenColumns;

export type Encoding = 'unicode' | 'tcvn3' | 'vni' | 'viqr' | 'viscii' | 'nfd';

const TCVN3_CHARS =
  '\u0000ÚỤ\u0003ỪỬỮ\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010ỨỰỲỶỸÝỴ\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !"#$%&\u0027()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\u005c]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007fÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';
const VISCII_CHARS =
  '\u0000\u0001Ẳ\u0003\u0004ẴẪ\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013Ỷ\u0015\u0016\u0017\u0018Ỹ\u001a\u001b\u001c\u001dỴ\u001f !"#$%&\u0027()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\u005c]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007fẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ';
const CP1252_HIGH = '€�‚ƒ„…†‡ˆ‰Š‹Œ�Ž��‘’“”•–—˜™š›œ�žŸ';

/** char (as the byte appears after Latin-1 or Windows-1252 decoding) → Vietnamese letter. */
function byteTable(chars: string, from: number): Map<string, string> {
  const m = new Map<string, string>();
  for (let b = from; b < 256; b++) {
    const ch = chars[b] ?? '';
    const latin1 = String.fromCharCode(b);
    if (ch === latin1 || ch === '\ufffd' || ch === '' || /[\u0300-\u036f]/.test(ch)) continue;
    m.set(latin1, ch);
    if (b >= 0x80 && b < 0xa0) {
      const cp = CP1252_HIGH[b - 0x80];
      if (cp !== undefined && cp !== '\ufffd') m.set(cp, ch);
    }
  }
  return m;
}
// Control-range positions (upper-case toned letters) only count once the text is known to be legacy.
const TCVN3 = byteTable(TCVN3_CHARS, 0);
const VISCII = byteTable(VISCII_CHARS, 0);

// VNI-Windows: a base letter followed by a diacritic byte, plus a few single-byte letters.
const VNI_TONE: Record<string, Tone> = { ù: 1, ø: 2, û: 3, õ: 4, ï: 5 };
const VNI_CIRC: Record<string, Tone> = { â: 0, á: 1, à: 2, å: 3, ã: 4, ä: 5 };
const VNI_BREVE: Record<string, Tone> = { ê: 0, é: 1, è: 2, ú: 3, ü: 4, ë: 5 };
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
  í: 'í',
  ì: 'ì',
};

function vniPair(base: string, mark: string): string | undefined {
  const lowerBase = base.toLowerCase();
  const upper = lowerBase !== base;
  const mk = mark.toLowerCase();
  let out: string | undefined;
  const single = VNI_SINGLE[lowerBase];
  const b = single === 'ơ' || single === 'ư' ? single : lowerBase;
  const tone = VNI_TONE[mk];
  if (tone !== undefined && 'aeouyơư'.includes(b)) out = withTone(b, tone);
  else if (b === 'a' && VNI_BREVE[mk] !== undefined) out = withTone('ă', VNI_BREVE[mk] ?? 0);
  else if ((b === 'a' || b === 'e' || b === 'o') && VNI_CIRC[mk] !== undefined)
    out = withTone(b === 'a' ? 'â' : b === 'e' ? 'ê' : 'ô', VNI_CIRC[mk] ?? 0);
  if (out === undefined) return undefined;
  return upper ? out.toUpperCase() : out;
}

function convertVni(s: string): MappedText {
  const out = new MapBuilder(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const next = s[i + 1];
    if (next !== undefined) {
      const pair = vniPair(c, next);
      if (pair !== undefined) {
        out.push(pair, i, i + 2);
        i++;
        continue;
      }
    }
    const single = VNI_SINGLE[c.toLowerCase()];
    out.push(single === undefined ? c : c === c.toLowerCase() ? single : single.toUpperCase(), i, i + 1);
  }
  return out.finish();
}

function convertTable(s: string, table: Map<string, string>): MappedText {
  const out = new MapBuilder(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    out.push(table.get(c) ?? c, i, i + 1);
  }
  return out.finish();
}

// VIQR (RFC 1456): a( a^ e^ o^ o+ u+ for the vowel marks, ' ` ? ~ . for the tones, dd for đ.
const VIQR_WORD = /[A-Za-z][A-Za-z'`?~.^(+\\]*/g;
const VIQR_TONE: Record<string, Tone> = { "'": 1, '`': 2, '?': 3, '~': 4, '.': 5 };

/** Converts one VIQR word; `final` says the word ends the text or is followed by space. */
function viqrWord(w: string, atSentenceEnd: boolean): Array<[string, number, number]> | undefined {
  const parts: Array<[string, number, number]> = [];
  let changed = false;
  let i = 0;
  let tone: Tone = 0;
  let toneAt = -1;
  while (i < w.length) {
    const c = w[i] ?? '';
    const lc = c.toLowerCase();
    if (lc === 'd' && (w[i + 1] === 'd' || w[i + 1] === 'D') && i === 0) {
      parts.push([c === 'd' ? 'đ' : 'Đ', i, i + 2]);
      changed = true;
      i += 2;
      continue;
    }
    if (/[a-z]/i.test(c)) {
      let base = c;
      let j = i + 1;
      const m = w[j];
      if (m === '^' && 'aeo'.includes(lc)) base = lc === 'a' ? 'â' : lc === 'e' ? 'ê' : 'ô';
      else if (m === '(' && lc === 'a') base = 'ă';
      else if (m === '+' && (lc === 'o' || lc === 'u')) base = lc === 'o' ? 'ơ' : 'ư';
      if (base !== c) {
        base = c === lc ? base : base.toUpperCase();
        j++;
      }
      const t = w[j];
      if (
        t !== undefined &&
        VIQR_TONE[t] !== undefined &&
        'aăâeêioôơuưy'.includes(base.toLowerCase()) &&
        toneAt < 0
      ) {
        const isLast = j === w.length - 1;
        // A final '.' or '?' that ends a sentence is punctuation, not a tone.
        if (!(isLast && (t === '.' || t === '?') && atSentenceEnd)) {
          tone = VIQR_TONE[t] ?? 0;
          toneAt = parts.length;
          j++;
        }
      }
      if (j > i + 1) changed = true;
      parts.push([base, i, j]);
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < w.length) {
      parts.push([w[i + 1] ?? '', i, i + 2]);
      changed = true;
      i += 2;
      continue;
    }
    parts.push([c, i, i + 1]);
    i++;
  }
  if (!changed) return undefined;
  if (toneAt >= 0) {
    const p = parts[toneAt];
    if (p !== undefined) p[0] = withTone(p[0], tone);
  }
  return parts;
}

function viqrConvertWord(
  w: string,
  atEnd: boolean,
): { text: string; parts: Array<[string, number, number]> } | undefined {
  const parts = viqrWord(w, atEnd);
  if (parts === undefined) return undefined;
  return { text: parts.map((p) => p[0]).join(''), parts };
}

function convertViqr(s: string): MappedText {
  const out = new MapBuilder(s.length);
  let last = 0;
  for (const m of s.matchAll(VIQR_WORD)) {
    const at = m.index;
    const w = m[0];
    const after = s.slice(at + w.length, at + w.length + 2);
    const atEnd = after === '' || /^\s*$/.test(after) || /^\s[A-ZĐ]/.test(after) || after[0] === '\n';
    const conv = viqrConvertWord(w, atEnd);
    const letters = conv === undefined ? undefined : stripPunct(conv.text);
    if (
      conv === undefined ||
      letters === undefined ||
      !isVietnameseSyllable(letters) ||
      canonicalOrOld(letters) !== letters
    )
      continue;
    for (let k = last; k < at; k++) out.push(s[k] ?? '', k, k + 1);
    for (const [t, a, b] of conv.parts) out.push(t, at + a, at + b);
    last = at + w.length;
  }
  for (let k = last; k < s.length; k++) out.push(s[k] ?? '', k, k + 1);
  return out.finish();
}

function stripPunct(w: string): string {
  return w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

// A tone placed where neither the new nor the old convention puts it means the mark was not a tone.
function canonicalOrOld(syl: string): string {
  const c = canonicalSyllable(syl);
  if (c === syl) return syl;
  const old = c.replace(/([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])$/u, (_m, v: string, t: string) => {
    const [base, tone] = splitTone(t);
    return withTone(v, tone) + base;
  });
  return old === syl ? syl : c;
}

const NON_LATIN1_VI =
  /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u017a-\u017c\u017f-\u0191\u0193-\u02c5\u02c7-\u02db\u02dd-\u02ff\u1e00-\u1eff]/;
const COMBINING = /[\u0300-\u036f]/;
const VIQR_HINT =
  /[aeiouyAEIOUY][\^(+]|[aeiouyAEIOUY^(+]['`?~.](?=[a-zA-Z])|\bdd[aeiouy]|[aeiouyAEIOUY^(+][`~?']/;

function tokensOf(s: string): string[] {
  return s.split(/\s+/).filter((t) => t.length > 0);
}

function validAfter(t: string, convert: (t: string) => string): boolean {
  const w = stripPunct(convert(t));
  return w.length > 0 && isVietnameseSyllable(w) && /[\u0080-\uffff]/.test(w);
}

function scoreCandidate(tokens: readonly string[], convert: (t: string) => string): number {
  let valid = 0;
  for (const t of tokens) if (validAfter(t, convert)) valid++;
  return valid;
}

// Per token, which readings give a Vietnamese syllable (bit 0 as-is, 1 TCVN3, 2 VNI, 3 VISCII).
// Tokens are words, so a bounded memo turns repeated detection into look-ups.
const LEGACY_MASK = new Map<string, number>();
const CONVERTERS: ReadonlyArray<(t: string) => string> = [
  (t) => t,
  (t) => convertTable(t, TCVN3).text,
  (t) => convertVni(t).text,
  (t) => convertTable(t, VISCII).text,
];

function legacyMask(t: string): number {
  let m = LEGACY_MASK.get(t);
  if (m === undefined) {
    m = 0;
    for (let k = 0; k < CONVERTERS.length; k++) if (validAfter(t, CONVERTERS[k] ?? ((x) => x))) m |= 1 << k;
    if (LEGACY_MASK.size >= 50_000) LEGACY_MASK.clear();
    LEGACY_MASK.set(t, m);
  }
  return m;
}

/**
 * Whether `raw` is plain NFC Unicode that detection calls 'unicode' and clean-up leaves as it is: one
 * pass over the code units instead of the regexes, conversions and NFC of the full path. It answers
 * false whenever in doubt (then the full path decides).
 */
export function isPlainUnicode(raw: string): boolean {
  return plainKind(raw) === PLAIN;
}

const FULL = 0;
const PLAIN = 1;
/** Clean NFC text whose only question is the legacy scoring (Latin-1 letters, no Vietnamese-only letter). */
const LATIN1 = 2;

// Per UTF-16 unit, what plainKind needs (0: not yet computed). P_OK: nothing to clean, NFC-stable,
// no special handling; the other bits are OR-ed over the text.
const PLAIN_UNITS = new Uint8Array(65536);
const P_OK = 1;
const P_NON_ASCII = 2;
const P_VI = 4;
const P_LEGACY = 8;
const P_DONE = 128;

function plainUnit(c: number): number {
  if (c < 0x80)
    return (
      P_DONE |
      (c >= 0x20 ? (c === 0x26 || c === 0x7f ? 0 : P_OK) : c === 0x0a || c === 0x09 || c === 0x0d ? P_OK : 0)
    );
  if (c >= 0xd800 && c <= 0xdfff) return P_DONE | P_NON_ASCII;
  const k = charClass(c);
  if ((k & SAFE) === 0) return P_DONE | P_NON_ASCII;
  // A letter counts as Vietnamese evidence or as a legacy candidate, never both (as detection reads it).
  return P_DONE | P_OK | P_NON_ASCII | ((k & VI_NON_LATIN1) !== 0 ? P_VI : (k & LEGACY) !== 0 ? P_LEGACY : 0);
}

function plainKind(raw: string): number {
  const n = raw.length;
  const units = PLAIN_UNITS;
  let seen = 0;
  let joiner = false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    let k = units[c] ?? 0;
    if ((k & P_OK) === 0) {
      if (k === 0) {
        k = plainUnit(c);
        units[c] = k;
      }
      if ((k & P_OK) === 0) {
        if (c < 0x80) return FULL;
        seen |= P_NON_ASCII;
        if (c >= 0xd800 && c <= 0xdfff) {
          // Only well-formed pairs in the emoji blocks (NFC-stable, nothing to clean).
          if (c > 0xdbff || i + 1 >= n) return FULL;
          const d = raw.charCodeAt(i + 1);
          if (d < 0xdc00 || d > 0xdfff) return FULL;
          const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          if (cp < 0x1f000 || cp > 0x1faff) return FULL;
          i++;
          continue;
        }
        // ZWJ and variation selectors after an emoji are kept by clean-up and ignored by detection.
        if ((c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) && i > 0 && isEmojiContext(raw, i)) {
          joiner = true;
          continue;
        }
        return FULL;
      }
    }
    seen |= k;
  }
  if ((seen & P_NON_ASCII) === 0) return VIQR_HINT.test(raw) ? FULL : PLAIN;
  // Without Latin-1/Windows-1252 characters no legacy table changes a thing, so the text stays 'unicode'.
  if ((seen & P_VI) !== 0 || (seen & P_LEGACY) === 0) return PLAIN;
  // Detection's clean-up steps change nothing here (ZWJ aside), so only its legacy scoring is left.
  return joiner ? FULL : LATIN1;
}

/**
 * Guesses the encoding of text that has already been decoded to a JS string (legacy bytes read as
 * Latin-1/Windows-1252). Ordinary Unicode text, Vietnamese or not, answers 'unicode'.
 * `detectEncoding("Vieät Nam")` → { encoding: 'vni', confidence: 1 }.
 */
export function detectEncoding(input: string): { encoding: Encoding; confidence: number } {
  const kind = plainKind(input);
  if (kind === PLAIN) return { encoding: 'unicode', confidence: 1 };
  if (kind === LATIN1) return scoreLegacy(input);
  return detectEncodingFull(input);
}

/** detectEncoding without the plain-text shortcut (the definition; tests compare the two). */
export function detectEncodingFull(input: string): { encoding: Encoding; confidence: number } {
  // Judge the text as cleaning will leave it: invisible characters and entities do not count.
  const raw = input
    .replace(/[\u200b-\u200f\u2060-\u206f\ufeff]/g, '')
    .replace(/&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, ' ')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (COMBINING.test(raw)) {
    const nfc = raw.normalize('NFC');
    if (nfc !== raw && !NON_LATIN1_VI.test(raw.replace(/[\u0300-\u036f]/g, '')))
      return { encoding: 'nfd', confidence: 1 };
    if (nfc !== raw) return { encoding: 'nfd', confidence: 0.8 };
  }
  if (!/[\u0080-\uffff]/.test(raw)) {
    // Pure ASCII can only be VIQR.
    if (!VIQR_HINT.test(raw)) return { encoding: 'unicode', confidence: 1 };
    const tokens = tokensOf(raw).filter((t) => /[\^(+'`?~.]|^dd/i.test(t));
    const conv = convertViqr(raw).text;
    const valid = scoreCandidate(tokensOf(conv), (t) => t);
    const words = tokensOf(raw).filter((t) => /[a-z]/i.test(t)).length;
    if (tokens.length >= 1 && valid >= Math.max(1, 0.3 * words) && valid >= 0.6 * tokens.length)
      return { encoding: 'viqr', confidence: Math.min(1, valid / Math.max(1, tokens.length)) };
    return { encoding: 'unicode', confidence: 1 };
  }
  // Real Unicode Vietnamese uses letters outside Latin-1 (ă, đ, ơ, ư, ạ, ả...), which mojibake never has.
  if (NON_LATIN1_VI.test(raw)) return { encoding: 'unicode', confidence: 1 };
  return scoreLegacy(raw);
}

// The last step of detection: per token, does a legacy reading give more Vietnamese syllables?
function scoreLegacy(raw: string): { encoding: Encoding; confidence: number } {
  // 8-bit legacy letters are all above ASCII, so ASCII punctuation separates words too.
  const tokens = raw.split(/[\s!-/:-@[-`{-~]+/).filter((t) => /[\u0080-\uffff]/.test(t));
  if (tokens.length === 0) return { encoding: 'unicode', confidence: 1 };
  let asIs = 0;
  let tcvn3 = 0;
  let vni = 0;
  let vniOnly = 0;
  let tcvn3Only = 0;
  let viscii = 0;
  let visciiOnly = 0;
  for (const t of tokens) {
    const m = legacyMask(t);
    asIs += m & 1;
    tcvn3 += (m >> 1) & 1;
    vni += (m >> 2) & 1;
    viscii += (m >> 3) & 1;
    // Words that are a syllable only when read in that encoding (not already a Unicode syllable that
    // the table would change, as VNI reads "không" as "khơng" and TCVN3 as "khụng").
    if ((m & 1) === 0) {
      tcvn3Only += (m >> 1) & 1;
      vniOnly += (m >> 2) & 1;
      visciiOnly += (m >> 3) & 1;
    }
  }
  // [encoding, words valid under it, words that vouch for it]. An encoding must be vouched for by words
  // that are syllables only in it: otherwise expanded teencode ("ko", "ｋ" → "không") could tip a mixed
  // line over to a legacy reading on a second pass and break idempotency.
  const candidates: Array<[Encoding, number, number]> = [
    ['tcvn3', tcvn3, tcvn3Only],
    ['vni', vni, vniOnly],
    ['viscii', viscii, visciiOnly],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  const [enc, best, vouch] = candidates[0] ?? ['unicode', 0, 0];
  if (best > asIs && vouch >= 0.5 * tokens.length) return { encoding: enc, confidence: best / tokens.length };
  return { encoding: 'unicode', confidence: asIs >= best ? 1 : 1 - best / tokens.length };
}

/** Converts `raw` from `encoding` to Unicode (not yet cleaned), with offsets into raw. */
export function convertMapped(raw: string, encoding: Encoding): MappedText {
  switch (encoding) {
    case 'tcvn3':
      return convertTable(raw, TCVN3);
    case 'viscii':
      return convertTable(raw, VISCII);
    case 'vni':
      return convertVni(raw);
    case 'viqr':
      return convertViqr(raw);
    default:
      return identity(raw);
  }
}

/** Detects and converts legacy text, then cleans it (NFC etc.); offsets map into raw. */
export function fixEncodingMapped(raw: string): { mapped: MappedText; encoding: Encoding } {
  const kind = plainKind(raw);
  // Clean NFC text read as Unicode needs neither conversion nor clean-up.
  if (kind === PLAIN || (kind === LATIN1 && scoreLegacy(raw).encoding === 'unicode'))
    return { mapped: identity(raw), encoding: 'unicode' };
  return fixEncodingMappedFull(raw);
}

/**
 * `fixEncodingMapped(raw).mapped` with its text scanned into `cols`, in one pass when raw is plain
 * Unicode: raw is scanned first, and the scan's word units (TokenColumns.wordUnitsOr/And) plus a look
 * at the other tokens tell whether plainKind would have answered PLAIN. When they cannot tell, the
 * usual path runs and the text is scanned again only if fixing changed it.
 */
export function fixAndScan(raw: string, cols: TokenColumns): MappedText {
  const n = scanTokens(raw, cols);
  if (plainFromScan(raw, cols, n)) return identity(raw);
  const { mapped } = fixEncodingMapped(raw);
  if (mapped.text !== raw) scanTokens(mapped.text, cols);
  return mapped;
}

// True only when plainKind(raw) is PLAIN: word tokens judged from the scan's class bits, every other
// token unit by unit as plainKind reads it (spaces between tokens are always plain).
function plainFromScan(raw: string, cols: TokenColumns, n: number): boolean {
  if ((cols.wordUnitsAnd & SAFE) === 0) return false;
  let seen =
    cols.wordUnitsOr === 0
      ? 0
      : P_NON_ASCII |
        ((cols.wordUnitsOr & VI_NON_LATIN1) !== 0 ? P_VI : 0) |
        ((cols.wordUnitsOr & LEGACY) !== 0 ? P_LEGACY : 0);
  const { kinds, starts, ends } = cols;
  const units = PLAIN_UNITS;
  for (let t = 0; t < n; t++) {
    if (kinds[t] === K_WORD) continue;
    const end = ends[t] ?? 0;
    for (let i = starts[t] ?? 0; i < end; i++) {
      const c = raw.charCodeAt(i);
      let k = units[c] ?? 0;
      if (k === 0) {
        k = plainUnit(c);
        units[c] = k;
      }
      if ((k & P_OK) === 0) {
        if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return false;
        // An emoji pair inside this token; anything else (joiners too) is left to plainKind.
        const d = raw.charCodeAt(i + 1);
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        if (d < 0xdc00 || d > 0xdfff || cp < 0x1f000 || cp > 0x1faff) return false;
        seen |= P_NON_ASCII;
        i++;
        continue;
      }
      seen |= k;
    }
  }
  if ((seen & P_NON_ASCII) === 0) return !VIQR_HINT.test(raw);
  return (seen & P_VI) !== 0 || (seen & P_LEGACY) === 0;
}

/** fixEncodingMapped without the plain-text shortcut (the definition; tests compare the two). */
export function fixEncodingMappedFull(raw: string): { mapped: MappedText; encoding: Encoding } {
  const { encoding } = detectEncodingFull(raw);
  if (encoding === 'nfd') {
    // Decomposed text can still hide legacy bytes: compose first, then look again.
    const composed = cleanMapped(raw);
    const again = detectEncoding(composed.text).encoding;
    if (again !== 'unicode' && again !== 'nfd') {
      const inner = fixEncodingMapped(composed.text);
      return { mapped: compose(inner.mapped, composed, raw.length), encoding: again };
    }
    return { mapped: composed, encoding };
  }
  const conv = convertMapped(raw, encoding);
  const cleaned = cleanMapped(conv.text);
  if (conv.spans === null) return { mapped: cleaned, encoding };
  if (cleaned.spans === null) return { mapped: conv, encoding };
  const spans = new Int32Array(cleaned.text.length * 2);
  for (let i = 0; i < cleaned.text.length; i++) {
    const a = cleaned.spans[2 * i] ?? 0;
    const b = cleaned.spans[2 * i + 1] ?? 0;
    spans[2 * i] = conv.spans[2 * a] ?? raw.length;
    spans[2 * i + 1] =
      b > a ? (conv.spans[2 * (b - 1) + 1] ?? raw.length) : (conv.spans[2 * a] ?? raw.length);
  }
  return { mapped: { text: cleaned.text, spans }, encoding };
}

/** Legacy text (TCVN3, VNI, VIQR, VISCII, decomposed) → Unicode NFC; ordinary text only gets NFC and clean-up. */
export function fixEncoding(raw: string): string {
  return fixEncodingMapped(raw).mapped.text;
}
