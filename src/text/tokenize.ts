/**
 * Tokens with offsets: syllables, numbers, URLs, e-mail addresses, phone numbers, @mentions,
 * #hashtags, emoji and emoticons, punctuation. Works on cleaned text; callers map offsets to raw.
 */

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
const HAS_LETTER = /\p{L}/u;
const WORDISH = /[\p{L}\p{M}\p{N}]/u;
// 0 unknown, 1 word character, 2 other; filled lazily per UTF-16 unit.
const CLASS = new Uint8Array(65536);

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  let k = CLASS[c] ?? 0;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : WORDISH.test(String.fromCharCode(c)) ? 1 : 2;
    CLASS[c] = k;
  }
  return k === 1;
}

function tryAt(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m === null ? undefined : m[0];
}

/** Splits text into tokens; `tokenize("ko đc :)) https://x.vn")` gives word, word, emoticon, url. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (s: string, kind: TokenKind): void => {
    out.push({ text: s, kind, start: i, end: i + s.length });
    i += s.length;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const prevWord = i > 0 && isWordChar(prev);
    if (isWordChar(c)) {
      // Scan the run of non-space characters once to decide which special forms are possible.
      let k = i;
      while (k < n && text.charCodeAt(k) > 0x20) k++;
      const run = text.slice(i, k);
      let m: string | undefined;
      if (!prevWord && prev !== 0x40 && prev !== 0x2e && run.includes('.')) {
        m = tryAt(RE.url, text, i);
        if (m !== undefined) {
          const trimmed = m.replace(URL_TRAIL, '');
          if (trimmed.length > 0) {
            push(trimmed, 'url');
            continue;
          }
        }
      }
      if (run.includes('@') && (m = tryAt(RE.email, text, i)) !== undefined) {
        push(m, 'email');
        continue;
      }
      if (c >= 0x30 && c <= 0x39) {
        if (!prevWord && (m = tryAt(RE.phone, text, i)) !== undefined) {
          push(m, 'phone');
          continue;
        }
        if ((m = tryAt(RE.number, text, i)) !== undefined) {
          push(m, 'number');
          continue;
        }
      }
      if (!prevWord && (c === 0x78 || c === 0x58 || c === 0x54 || c === 0x74) && (m = tryAt(RE.emoticon, text, i)) !== undefined) {
        push(m, 'emoticon');
        continue;
      }
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const w = text.slice(i, j);
      push(w, HAS_LETTER.test(w) ? 'word' : 'number');
      continue;
    }
    let m: string | undefined;
    if (c === 0x2b /* + */ && (m = tryAt(RE.phone, text, i)) !== undefined && !prevWord) {
      push(m, 'phone');
      continue;
    }
    if (c === 0x40 /* @ */ && !prevWord && (m = tryAt(RE.mention, text, i)) !== undefined) {
      push(m.replace(URL_TRAIL, ''), 'mention');
      continue;
    }
    if (c === 0x23 /* # */ && !prevWord && (m = tryAt(RE.hashtag, text, i)) !== undefined) {
      push(m, 'hashtag');
      continue;
    }
    if (c < 0x80 && (m = tryAt(RE.emoticon, text, i)) !== undefined) {
      push(m, 'emoticon');
      continue;
    }
    if (c >= 0x80 && (m = tryAt(RE.emoji, text, i)) !== undefined && m.length > 0) {
      push(m, 'emoji');
      continue;
    }
    if (c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39)) {
      if ((m = tryAt(RE.emoji, text, i)) !== undefined && m.length > 0) {
        push(m, 'emoji');
        continue;
      }
    }
    m = tryAt(RE.punct, text, i);
    push(m !== undefined && m.length > 0 ? m : text.slice(i, i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1)), 'punct');
  }
  return out;
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
