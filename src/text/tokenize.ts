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
const KINDS = Object.keys(PARTS) as Array<keyof typeof PARTS>;
// Case-sensitive on purpose: "xD" is an emoticon, "xd" is a word.
const TOKEN_RE = new RegExp(KINDS.map((k) => `(?<${k}>${PARTS[k]})`).join('|'), 'gu');
const URL_TRAIL = /[.,;:!?)\]}>'"…]+$/;
const HAS_LETTER = /\p{L}/u;

/** Splits text into tokens; `tokenize("ko đc :)) https://x.vn")` gives word, word, emoticon, url. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    let kind: TokenKind = 'punct';
    for (const k of KINDS) {
      if (g[k] !== undefined) {
        kind = k;
        break;
      }
    }
    let s = m[0];
    if (kind === 'url' || kind === 'mention') s = s.replace(URL_TRAIL, '');
    if (kind === 'word' && !HAS_LETTER.test(s)) kind = 'number';
    if (s.length === 0) continue;
    out.push({ text: s, kind, start: m.index, end: m.index + s.length });
    // Trailing punctuation cut from a URL becomes its own tokens.
    if (s.length < m[0].length) {
      for (const t of tokenize(m[0].slice(s.length))) out.push({ ...t, start: t.start + m.index + s.length, end: t.end + m.index + s.length });
    }
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
