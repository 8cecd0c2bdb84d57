/**
 * Tokens with offsets: syllables, numbers, URLs, e-mail addresses, phone numbers, @mentions,
 * #hashtags, emoji and emoticons, punctuation. Works on cleaned text; callers map offsets to raw.
 */
import * as chars from './char-class.js';
import { FNV_OFFSET, FNV_PRIME } from './word-memo.js';

// Local copies: hot loops should not read through module bindings (a getter under some loaders).
const { LETTER, PICTO, WORD, charClass, isWordUnit } = chars;

export type TokenKind = 'word' | 'number' | 'url' | 'email' | 'phone' | 'mention' | 'hashtag' | 'emoji' | 'emoticon' | 'punct';

/** One token; `start`/`end` are UTF-16 offsets into the text given to the tokenizer. */
export interface Token {
  text: string;
  kind: TokenKind;
  start: number;
  end: number;
}

const TLD = '(?:com|vn|net|org|info|xyz|me|io|ly|co|top|shop|site|online|club|biz|edu|gov|app|link|live|tv|cc|asia|store|pro|tk|ml|ga|cf|gq)';
const PARTS = {
  url: `(?:[hH][tT][tT][pP][sS]?:\\/\\/|[wW][wW][wW]\\.)[^\\s<>"'“”]+|(?<![\\p{L}\\p{N}@.])[a-zA-Z0-9][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)*\\.${TLD}(?:\\.vn)?(?![\\p{L}\\p{N}])(?:\\/[^\\s<>"'“”]*)?`,
  email: `[\\p{L}\\p{N}._%+-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*\\.[a-zA-Z]{2,}`,
  phone: `(?<![\\p{N}])(?:\\+84|0084|84|0)(?:[ .-]?\\d){8,10}(?![\\p{N}])`,
  mention: `(?<![\\p{L}\\p{N}])@[\\p{L}\\p{M}\\p{N}_]+(?:\\.[\\p{L}\\p{M}\\p{N}_]+)*`,
  hashtag: `(?<![\\p{L}\\p{N}])#[\\p{L}\\p{M}\\p{N}_]+`,
  emoticon:
    `(?<![\\p{N}])[:;=][-'^o]?(?:\\)+|\\(+|\\]+|\\[+|[DPpOo3*|\\\\/]+(?![\\p{L}\\p{N}])|[vV](?![\\p{L}\\p{N}]))|<\\/?3+|(?<![\\p{L}\\p{N}])(?:\\^[_.-]?\\^|[-=Tt;][_.][-=Tt;]|[xX]D+)(?![\\p{L}\\p{N}])`,
  emoji: `(?:\\p{Regional_Indicator}{2}|[#*0-9]\\uFE0F?\\u20E3|\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})*(?:\\u200D\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})*)*)`,
  number: `\\d+(?:[.,]\\d+)*(?:%|k|K|tr|đ|vnđ|vnd)?(?![\\p{L}\\p{N}])`,
  word: `[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*`,
  punct: `(?<pc>[^\\s\\p{L}\\p{N}])\\k<pc>*`,
} as const;
const sticky = (k: keyof typeof PARTS): RegExp => new RegExp(PARTS[k], 'uy');
const RE = {
  url: sticky('url'), email: sticky('email'), phone: sticky('phone'), mention: sticky('mention'), hashtag: sticky('hashtag'),
  emoticon: sticky('emoticon'), emoji: sticky('emoji'), number: sticky('number'), word: sticky('word'), punct: sticky('punct'),
};
const URL_TRAIL = /[.,;:!?)\]}>'"…]+$/;

function tryAt(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m === null ? undefined : m[0];
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isUrlStretch(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2d || c === 0x2e;
}

/**
 * Whether the URL pattern can match at i, given the word [i, j) (all ASCII or not): a bare domain
 * needs an ASCII stretch [a-zA-Z0-9.-] holding "." + letter; a scheme or www start needs a "." later in
 * the run (the rule the scanner always had). False only where no URL can start, so the regex runs rarely.
 */
function mayBeUrl(text: string, i: number, j: number, asciiWord: boolean): boolean {
  const n = text.length;
  if (asciiWord) {
    for (let k = j; k < n; k++) {
      const d = text.charCodeAt(k);
      if (!isUrlStretch(d)) break;
      if (d === 0x2e && isAsciiAlnum(text.charCodeAt(k + 1)) && text.charCodeAt(k + 1) > 0x39) return true;
    }
  }
  const c0 = text.charCodeAt(i) | 0x20;
  const c1 = text.charCodeAt(i + 1) | 0x20;
  if ((c0 === 0x68 && c1 === 0x74) || (c0 === 0x77 && c1 === 0x77)) {
    for (let k = i; k < n; k++) {
      const d = text.charCodeAt(k);
      if (d <= 0x20) return false;
      if (d === 0x2e) return true;
    }
  }
  return false;
}

/** Whether an e-mail can start before j: the characters from j on reach an "@" within the local-part class. */
function mayBeEmail(text: string, j: number): boolean {
  for (let k = j; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x40) return true;
    if (d < 0x80) {
      if (!(isAsciiAlnum(d) || d === 0x2e || d === 0x5f || d === 0x25 || d === 0x2b || d === 0x2d)) return false;
    } else if (!(d >= 0xd800 && d <= 0xdfff) && (charClass(d) & WORD) === 0) return false;
  }
  return false;
}

// Characters an emoticon can start with (the word-character starts t, T, x, X are checked apart).
function mayStartEmoticon(c: number): boolean {
  return c === 0x3a || c === 0x3b || c === 0x3d || c === 0x3c || c === 0x5e || c === 0x2d;
}

// Extended_Pictographic for plane-1 code points (where emoji live), filled lazily: 0 unknown, 1 yes, 2 no.
const PICTO_PLANE1 = new Uint8Array(0x10000);
const RE_PICTO = /^\p{Extended_Pictographic}$/u;

function isPicto(cp: number): boolean {
  if (cp < 0x10000) return cp >= 0x80 && (charClass(cp) & PICTO) !== 0;
  if (cp >= 0x20000) return RE_PICTO.test(String.fromCodePoint(cp));
  let k = PICTO_PLANE1[cp - 0x10000] ?? 0;
  if (k === 0) {
    k = RE_PICTO.test(String.fromCodePoint(cp)) ? 1 : 2;
    PICTO_PLANE1[cp - 0x10000] = k;
  }
  return k === 1;
}

// U+FE0F and skin-tone modifiers U+1F3FB–U+1F3FF (surrogates D83C DFFB–DFFF) after a pictograph.
function skipEmojiModifiers(text: string, k: number): number {
  for (;;) {
    const c = text.charCodeAt(k);
    if (c === 0xfe0f) k++;
    else if (c === 0xd83c && text.charCodeAt(k + 1) >= 0xdffb && text.charCodeAt(k + 1) <= 0xdfff) k += 2;
    else return k;
  }
}

/**
 * End of the emoji at i as the emoji pattern (flag pair, or pictograph with modifiers and ZWJ
 * links) would match it, or -1; keycaps starting with an ASCII character are left to the pattern.
 * Hand-written because emoji are frequent in comments and the pattern is slow to run.
 */
export function emojiEnd(text: string, i: number): number {
  const cp = text.codePointAt(i);
  if (cp === undefined) return -1;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
    const cp2 = text.codePointAt(i + 2);
    return cp2 !== undefined && cp2 >= 0x1f1e6 && cp2 <= 0x1f1ff ? i + 4 : -1;
  }
  if (!isPicto(cp)) return -1;
  let k = skipEmojiModifiers(text, i + (cp > 0xffff ? 2 : 1));
  for (;;) {
    if (text.charCodeAt(k) !== 0x200d) return k;
    const next = text.codePointAt(k + 1);
    if (next === undefined || !isPicto(next)) return k;
    k = skipEmojiModifiers(text, k + 1 + (next > 0xffff ? 2 : 1));
  }
}

/**
 * End of the emoticon at i, or -1. The commonest shape, ":" ";" or "=" then a run of one bracket
 * (":)))", "=]]") after an ASCII non-digit, is read directly; everything else goes to the pattern.
 */
export function emoticonEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  if ((c === 0x3a || c === 0x3b || c === 0x3d) && (d === 0x29 || d === 0x28 || d === 0x5d || d === 0x5b) && prev < 0x80 && !(prev >= 0x30 && prev <= 0x39)) {
    let k = i + 2;
    while (text.charCodeAt(k) === d) k++;
    return k;
  }
  return emoticonPatternEnd(text, i);
}

/** Where the emoticon pattern's match at i ends, or -1: the definition emoticonEnd is tested against. */
export function emoticonPatternEnd(text: string, i: number): number {
  const m = tryAt(RE.emoticon, text, i);
  return m === undefined ? -1 : i + m.length;
}

/** Where the emoji pattern's match at i ends, or -1: the definition emojiEnd is tested against. */
export function emojiPatternEnd(text: string, i: number): number {
  const m = tryAt(RE.emoji, text, i);
  return m === undefined || m.length === 0 ? -1 : i + m.length;
}

/** Kind codes of `TokenColumns.kinds`, indices into KIND_NAMES. */
export const K_WORD = 0;
export const K_NUMBER = 1;
export const K_URL = 2;
export const K_EMAIL = 3;
export const K_PHONE = 4;
export const K_MENTION = 5;
export const K_HASHTAG = 6;
export const K_EMOJI = 7;
export const K_EMOTICON = 8;
export const K_PUNCT = 9;
/** The TokenKind of each kind code. */
export const KIND_NAMES: readonly TokenKind[] = ['word', 'number', 'url', 'email', 'phone', 'mention', 'hashtag', 'emoji', 'emoticon', 'punct'];

/**
 * Tokens as reusable columns (kind code, start, end; the text is `text.slice(start, end)`), so a hot
 * caller such as the matching key scans without allocating one object and one string per token.
 */
export class TokenColumns {
  kinds = new Uint8Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** For a word token, hashRange(text, start, end), computed during the scan (0 for other kinds). */
  hashes = new Int32Array(256);
  length = 0;
  /**
   * The char-class bits (charClass) of the non-ASCII units of the word tokens, OR-ed and AND-ed over
   * the last scan (0 and 255 when there were none): with a look at the other tokens, enough to know
   * whether the text was plain Unicode (see fixAndScan).
   */
  wordUnitsOr = 0;
  wordUnitsAnd = 255;

  /** Appends a token and returns its end. */
  push(kind: number, start: number, end: number, hash = 0): number {
    const n = this.length;
    if (n === this.kinds.length) this.grow();
    this.kinds[n] = kind;
    this.starts[n] = start;
    this.ends[n] = end;
    this.hashes[n] = hash;
    this.length = n + 1;
    return end;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const hashes = new Int32Array(size);
    kinds.set(this.kinds);
    starts.set(this.starts);
    ends.set(this.ends);
    hashes.set(this.hashes);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
  }
}

// tokenize's own columns; other callers keep theirs, so a scan never overwrites one still being read.
const TOKENIZE_COLUMNS = new TokenColumns();

/** Splits text into tokens; `tokenize("ko đc :)) https://x.vn")` gives word, word, emoticon, url. */
export function tokenize(text: string): Token[] {
  return tokensOf(text, TOKENIZE_COLUMNS, scanTokens(text, TOKENIZE_COLUMNS));
}

/** The Token objects of the n tokens in `cols`, scanned from `text`. */
export function tokensOf(text: string, cols: TokenColumns, n: number): Token[] {
  const { kinds, starts, ends } = cols;
  const out: Token[] = new Array<Token>(n);
  for (let i = 0; i < n; i++) {
    const start = starts[i] ?? 0;
    const end = ends[i] ?? 0;
    out[i] = { text: text.slice(start, end), kind: KIND_NAMES[kinds[i] ?? 0] ?? 'punct', start, end };
  }
  return out;
}

/** Scans `text` into `cols` (replacing what it held) and returns the number of tokens: the tokenizer itself. */
export function scanTokens(text: string, cols: TokenColumns): number {
  cols.length = 0;
  const n = text.length;
  let unitsOr = 0;
  let unitsAnd = 255;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const prevWord = i > 0 && isWordUnit(prev);
    if (isWordUnit(c)) {
      // The plain word [i, j) first: the special forms below are tried only when it cannot rule them out.
      let j = i + 1;
      let letter = c > 0x39;
      let ascii = c < 0x80;
      if (!ascii) {
        const k = charClass(c);
        letter = (k & LETTER) !== 0;
        unitsOr |= k;
        unitsAnd &= k;
      }
      // The word's hash for the memo look-ups of the key and display, while its units are at hand.
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d < 0x80) {
          if (!isAsciiAlnum(d)) break;
          if (d > 0x39) letter = true;
        } else {
          const k = charClass(d);
          if ((k & WORD) === 0) break;
          if ((k & LETTER) !== 0) letter = true;
          ascii = false;
          unitsOr |= k;
          unitsAnd &= k;
        }
        h = Math.imul(h ^ d, FNV_PRIME);
      }
      const after = j < n ? text.charCodeAt(j) : 0x20;
      let m: string | undefined;
      if (!prevWord && prev !== 0x40 && prev !== 0x2e && after > 0x20 && mayBeUrl(text, i, j, ascii)) {
        m = tryAt(RE.url, text, i);
        if (m !== undefined) {
          const trimmed = m.replace(URL_TRAIL, '');
          if (trimmed.length > 0) {
            i = cols.push(K_URL, i, i + trimmed.length);
            continue;
          }
        }
      }
      if (after > 0x20 && mayBeEmail(text, j) && (m = tryAt(RE.email, text, i)) !== undefined) {
        i = cols.push(K_EMAIL, i, i + m.length);
        continue;
      }
      if (c >= 0x30 && c <= 0x39) {
        if (!prevWord && (m = tryAt(RE.phone, text, i)) !== undefined) {
          i = cols.push(K_PHONE, i, i + m.length);
          continue;
        }
        if ((m = tryAt(RE.number, text, i)) !== undefined) {
          i = cols.push(K_NUMBER, i, i + m.length);
          continue;
        }
      }
      if (!prevWord && (c === 0x78 || c === 0x58 || c === 0x54 || c === 0x74)) {
        const d = text.charCodeAt(i + 1);
        const lc = c | 0x20;
        if (((lc === 0x74 && (d === 0x5f || d === 0x2e)) || (lc === 0x78 && d === 0x44)) && (m = tryAt(RE.emoticon, text, i)) !== undefined) {
          i = cols.push(K_EMOTICON, i, i + m.length);
          continue;
        }
      }
      i = cols.push(letter ? K_WORD : K_NUMBER, i, j, letter ? h : 0);
      continue;
    }
    let m: string | undefined;
    if (c === 0x2b /* + */ && (m = tryAt(RE.phone, text, i)) !== undefined && !prevWord) {
      i = cols.push(K_PHONE, i, i + m.length);
      continue;
    }
    if (c === 0x40 /* @ */ && !prevWord && (m = tryAt(RE.mention, text, i)) !== undefined) {
      i = cols.push(K_MENTION, i, i + m.replace(URL_TRAIL, '').length);
      continue;
    }
    if (c === 0x23 /* # */ && !prevWord && (m = tryAt(RE.hashtag, text, i)) !== undefined) {
      i = cols.push(K_HASHTAG, i, i + m.length);
      continue;
    }
    if (c < 0x80 && mayStartEmoticon(c)) {
      const e = emoticonEnd(text, i);
      if (e > i) {
        i = cols.push(K_EMOTICON, i, e);
        continue;
      }
    }
    if (c >= 0x80 && (c >= 0xd800 || (charClass(c) & PICTO) !== 0)) {
      const e = emojiEnd(text, i);
      if (e > i) {
        i = cols.push(K_EMOJI, i, e);
        continue;
      }
    }
    if (c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39)) {
      if ((m = tryAt(RE.emoji, text, i)) !== undefined && m.length > 0) {
        i = cols.push(K_EMOJI, i, i + m.length);
        continue;
      }
    }
    if (c < 0x80) {
      // A run of one ASCII mark; \v and \f are spaces to the pattern, so they stand alone.
      let j = i + 1;
      if (c !== 0x0b && c !== 0x0c) while (j < n && text.charCodeAt(j) === c) j++;
      i = cols.push(K_PUNCT, i, j);
      continue;
    }
    m = tryAt(RE.punct, text, i);
    i = cols.push(K_PUNCT, i, m !== undefined && m.length > 0 ? i + m.length : Math.min(n, i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1)));
  }
  cols.wordUnitsOr = unitsOr;
  cols.wordUnitsAnd = unitsAnd;
  return cols.length;
}

const SENTENCE_END = /^[.!?…]+$|^[.!?…]+["')\]»”’]*$/;

/**
 * Sentence spans over `text`: a sentence ends after . ! ? … (followed by space or the end) or at a
 * line break; emoticons and emoji at the end stay with their sentence.
 */
export function sentenceSpans(text: string, tokens: readonly Token[] = tokenize(text)): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = -1;
  let end = -1;
  let pendingEnd = false;
  for (const t of tokens) {
    const gap = end >= 0 ? text.slice(end, t.start) : '';
    if (start >= 0 && (gap.includes('\n') || (pendingEnd && gap.length > 0 && t.kind !== 'emoticon' && t.kind !== 'emoji'))) {
      out.push({ start, end });
      start = -1;
    }
    if (start < 0) start = t.start;
    end = t.end;
    pendingEnd = t.kind === 'punct' ? SENTENCE_END.test(t.text) : t.kind === 'emoticon' || t.kind === 'emoji' ? pendingEnd : false;
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/** Syllable n-grams (joined by a space) over word tokens: ngrams(["a","b","c"], 2) → ["a b", "b c"]. */
export function ngrams(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}
