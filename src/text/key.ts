/**
 * The matching key: lower case, no diacritics (đ → d), legacy encodings fixed, obfuscation reduced,
 * conservative teencode expansion; one key token per syllable, each with its raw span.
 */
import { fixAndScan } from './encoding.js';
import { foldDiacritics } from './fold.js';
import { keyEntry, readCk, type KeyEntry } from './teencode.js';
import { WordMemo } from './word-memo.js';
import * as tok from './tokenize.js';

// Local copies: hot loops should not read through module bindings (a getter under some loaders, ~7% here).
const {
  K_EMOTICON,
  K_EMAIL,
  K_EMOJI,
  K_HASHTAG,
  K_MENTION,
  K_NUMBER,
  K_PHONE,
  K_PUNCT,
  K_URL,
  K_WORD,
  TokenColumns,
} = tok;
type TokenColumns = tok.TokenColumns;

/** One matching-key syllable and the raw span it came from. `alts` lists other readings of an ambiguous form. */
export interface KeyToken {
  key: string;
  start: number;
  end: number;
  alts?: string[];
}

// Cyrillic and Greek letters that look like Latin ones (mixed-script obfuscation: "сặс" with Cyrillic с).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  μ: 'u',
  ı: 'i',
  ℓ: 'l',
};
// Digits used for letters inside words: "d1t", "ch3t", "l0n".
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

const FOLD_CACHE = new Map<string, string>();

/** Lower case, diacritics removed (đ → d), look-alike letters mapped. */
/**
 * A URL's or e-mail address's key: lower case and, like every other key token, without diacritics. A
 * letter left with a mark (`a.vn&Vieät`) would make a second pass over the key read it as legacy
 * encoding and change it, so the key would not be idempotent.
 */
export function linkKey(s: string): string {
  const lower = s.toLowerCase();
  return isAscii(lower) ? lower : foldDiacritics(lower);
}

export function foldWord(w: string): string {
  const hit = FOLD_CACHE.get(w);
  if (hit !== undefined) return hit;
  let out = '';
  for (const ch of w.toLowerCase().normalize('NFD')) {
    const c = ch.charCodeAt(0);
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c < 0x80) out += ch;
    else if (ch === 'đ' || ch === 'ð') out += 'd';
    else out += HOMOGLYPHS[ch] ?? ch;
  }
  // Non-Latin scripts (Hangul...) were decomposed by NFD above: recompose them.
  if (/[\u0080-\uffff]/.test(out)) out = out.normalize('NFC');
  if (FOLD_CACHE.size < 50_000) FOLD_CACHE.set(w, out);
  return out;
}

const VIQR_MARK = /[`~?'^(+.]/g;

// Single-character separators inside obfuscated chains: . - _ * ' ` ~ ^ ? , + | / \ :
function isSeparator(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2a ||
    c === 0x27 ||
    c === 0x60 ||
    c === 0x7e ||
    c === 0x5e ||
    c === 0x3f ||
    c === 0x2c ||
    c === 0x2b ||
    c === 0x7c ||
    c === 0x2f ||
    c === 0x5c ||
    c === 0x3a
  );
}

// VIQR tone marks that may trail a chain: ` ~ ? ' ^
function isViqrTone(c: number): boolean {
  return c === 0x60 || c === 0x7e || c === 0x3f || c === 0x27 || c === 0x5e;
}

/**
 * Index of the last token of the obfuscated chain starting at word token i (letters split by single
 * separators: "đ.m", "d-m", "d~i.t", "l.o.n", plus a trailing VIQR tone), or i when there is none.
 * Letters split by spaces ("d i t") are left apart: joining them would make the key non-idempotent
 * (the key itself is letters split by spaces); rules can match the key tokens in sequence.
 */
function chainEnd(text: string, cols: TokenColumns, n: number, i: number): number {
  const { kinds, starts, ends } = cols;
  const end0 = ends[i] ?? 0;
  if (end0 - (starts[i] ?? 0) > 2 || i + 1 >= n || starts[i + 1] !== end0) return i;
  // Separator-joined chain: word (sep word)+ with no spaces.
  let j = i;
  let parts = 1;
  while (j + 2 < n) {
    const sepStart = starts[j + 1] ?? 0;
    const sepEnd = ends[j + 1] ?? 0;
    if (
      kinds[j + 1] !== K_PUNCT ||
      sepEnd - sepStart !== 1 ||
      !isSeparator(text.charCodeAt(sepStart)) ||
      sepStart !== ends[j] ||
      starts[j + 2] !== sepEnd
    )
      break;
    if (kinds[j + 2] !== K_WORD || (ends[j + 2] ?? 0) - (starts[j + 2] ?? 0) > 2) break;
    j += 2;
    parts++;
  }
  // VIQR tone after the last piece ("d~i.t" ends in a letter; "di~" ends in a mark).
  if (j + 1 < n && kinds[j + 1] === K_PUNCT) {
    const tailStart = starts[j + 1] ?? 0;
    const tailEnd = ends[j + 1] ?? 0;
    const c = text.charCodeAt(tailStart);
    if (tailEnd - tailStart === 1 && isViqrTone(c) && tailStart === ends[j] && (parts > 1 || c !== 0x3f)) {
      if (j + 2 >= n || (starts[j + 2] ?? 0) > tailEnd) j += 1;
    }
  }
  return j;
}

/** Reduces one word for the key: fold, leetspeak digits between letters, squeezed repeats. */
function reduceWord(w: string): string {
  let f = foldWord(w);
  if (/\d/.test(f) && /[a-z]/.test(f)) f = f.replace(/(?<=[a-z])[01345789](?=[a-z])/g, (d) => LEET[d] ?? d);
  // Three or more of one letter never occur in Vietnamese spelling: "nguuuu" → "ngu".
  if (f.length > 2) f = f.replace(/([a-z])\1{2,}/g, '$1');
  return f;
}

/** What a word contributes to the key, memoised per surface form. */
interface WordKey {
  /** The reduced word; '' gives no key token. */
  readonly w: string;
  readonly entry: KeyEntry | undefined;
  /** The syllables of `entry.key`. */
  readonly parts: readonly string[];
}

// Comments repeat a small vocabulary, so the fold/leet/squeeze/dictionary work is done once per
// distinct word. Cleared when large: a bounded memory cost with no eviction bookkeeping.
const WORD_KEYS = new WordMemo<WordKey>(100_000);

/** The key of the word text[a, b), looked up in place. */
function wordKeyAt(text: string, a: number, b: number): WordKey {
  return WORD_KEYS.get(text, a, b) ?? newWordKey(text.slice(a, b));
}

function newWordKey(word: string): WordKey {
  const w = reduceWord(word);
  const entry = w.length === 0 ? undefined : keyEntry(w);
  const k = { w, entry, parts: entry === undefined ? [] : entry.key.split(' ') };
  WORD_KEYS.set(word, k);
  return k;
}

// The key's own token columns, reused across calls (the key pass never re-enters itself).
const COLS = new TokenColumns();

/** The key strings of one pass, in an array reused across calls (items past `length` are stale). */
class KeyList {
  readonly items: string[] = [];
  length = 0;

  add(key: string): void {
    this.items[this.length++] = key;
  }
}
const KEYS = new KeyList();

/**
 * One pass that fills `keys` (always) and `out` (the key tokens, when not null). Returns the indices
 * of "ck" tokens, read once the whole text is keyed (see resolveCk).
 */
function keyPass(raw: string, keys: KeyList, out: KeyToken[] | null): number[] | null {
  keys.length = 0;
  const cols = COLS;
  const mapped = fixAndScan(raw, cols);
  const n = cols.length;
  const text = mapped.text;
  const spans = mapped.spans;
  const rawLength = raw.length;
  const { kinds, starts, ends, hashes } = cols;
  let pendingCk: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i] ?? K_PUNCT;
    const first = i;
    let pStart = starts[i] ?? 0;
    let pEnd = ends[i] ?? 0;
    let key: string;
    let wk: WordKey | undefined;
    switch (kind) {
      case K_WORD: {
        const j = chainEnd(text, cols, n, i);
        if (j > i) {
          pEnd = ends[j] ?? pEnd;
          i = j;
          const joined = text
            .slice(pStart, pEnd)
            .replace(VIQR_MARK, '')
            .replace(/[-_*,|/\\:]/g, '');
          wk = wordKeyAt(joined, 0, joined.length);
        } else
          wk =
            WORD_KEYS.getHashed(text, pStart, pEnd, hashes[i] ?? 0) ?? newWordKey(text.slice(pStart, pEnd));
        key = wk.w;
        break;
      }
      case K_NUMBER:
        key = text.slice(pStart, pEnd).toLowerCase();
        break;
      case K_URL:
      case K_EMAIL:
        key = linkKey(text.slice(pStart, pEnd));
        break;
      case K_PHONE:
        key = text
          .slice(pStart, pEnd)
          .replace(/\D/g, '')
          .replace(/^(?:0084|84)/, '0');
        break;
      case K_MENTION:
      case K_HASHTAG:
        key = text.charAt(pStart) + foldWord(text.slice(pStart + 1, pEnd));
        break;
      default:
        continue;
    }
    if (key.length === 0) continue;
    if (spans !== null) {
      const a = spans[2 * pStart] ?? rawLength;
      pEnd = pEnd > pStart ? (spans[2 * (pEnd - 1) + 1] ?? rawLength) : a;
      pStart = a;
    }
    const entry = wk?.entry;
    if (wk !== undefined && entry !== undefined && contextAllows(entry.when, kinds, n, first, i)) {
      if (key === 'ck') {
        (pendingCk ??= []).push(keys.length);
        keys.add('ck');
        out?.push({ key: 'ck', start: pStart, end: pEnd, alts: [...(entry.alts ?? [])] });
        continue;
      }
      for (const part of wk.parts) {
        keys.add(part);
        if (out === null) continue;
        const kt: KeyToken = { key: part, start: pStart, end: pEnd };
        if (entry.alts !== undefined) kt.alts = [...entry.alts];
        out.push(kt);
      }
      continue;
    }
    keys.add(key);
    out?.push({ key, start: pStart, end: pEnd });
  }
  return pendingCk;
}

/** The key as tokens with offsets into raw: `keyTokens("Ko đc")` → [{key:"khong",0,2},{key:"duoc",3,5}]. */
export function keyTokens(raw: string): KeyToken[] {
  let toks = keyTokensOnce(raw);
  // Key tokens hold no spaces, so checking each token is checking the joined key; the key is only
  // joined for the rare text that needs another round.
  if (!toks.some((t) => mayChangeAgain(t.key))) return toks;
  let key = joinKeys(toks);
  for (let round = 0; round < MAX_KEY_ROUNDS && mayChangeAgain(key); round++) {
    const again = keyTokensOnce(key);
    const next = joinKeys(again);
    if (next === key) break;
    toks = mapThrough(again, toks);
    key = next;
  }
  return toks;
}

/**
 * A key is a fixed point: `matchKey(matchKey(x)) === matchKey(x)`. One pass can leave a non-ASCII
 * remnant that a second pass reads differently: on a line that mixes Unicode Vietnamese with a word in a
 * legacy encoding (`Việt … hoøa`), the Unicode words vouch for the line as Unicode, so the legacy word is
 * kept as written; the key folds that evidence away (`viet … hoøa`) and a pass over the key would read
 * `hoøa` as VNI. So while the key has non-ASCII characters it is keyed again, until it no longer changes
 * (a pure ASCII key always is a fixed point of the pass that made it from ASCII). Ordinary text, whose key
 * is ASCII, costs one scan of the key.
 */
const MAX_KEY_ROUNDS = 3;

/**
 * A key another pass could change: non-ASCII characters (see above), or a phone-length run of digits
 * (9 or more) glued to a letter — a phone number glued to an e-mail address or URL
 * (`a@b.vn0912345678x`) is part of a word on the first pass and a phone number once the key has put a
 * space in front of it. Short amounts glued to letters (`500k`, `2tr`) key the same every time.
 */
function mayChangeAgain(key: string): boolean {
  const n = key.length;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c > 0x7f) return true;
    if (c < 0x30 || c > 0x39) continue;
    const start = i;
    while (i + 1 < n && isDigitAt(key, i + 1)) i++;
    if (i + 1 - start >= 9 && (isLowerAt(key, start - 1) || isLowerAt(key, i + 1))) return true;
  }
  return false;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function isLowerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x61 && c <= 0x7a;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function joinKeys(toks: readonly KeyToken[]): string {
  let s = '';
  for (let i = 0; i < toks.length; i++) {
    if (i > 0) s += ' ';
    s += toks[i]?.key ?? '';
  }
  return s;
}

/** Tokens keyed from `joinKeys(prev)` get the raw spans of the `prev` tokens they cover. */
function mapThrough(again: readonly KeyToken[], prev: readonly KeyToken[]): KeyToken[] {
  const ends: number[] = [];
  let pos = 0;
  for (const t of prev) {
    pos += t.key.length;
    ends.push(pos);
    pos += 1;
  }
  // The first token whose end is at or after offset (binary search: texts can have 100k tokens).
  const at = (offset: number): number => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return again.map((t) => {
    const a = prev[at(t.start + 1)];
    const b = prev[at(Math.max(t.start + 1, t.end))];
    const out: KeyToken = { key: t.key, start: a?.start ?? 0, end: b?.end ?? a?.end ?? 0 };
    if (t.alts !== undefined) out.alts = t.alts;
    return out;
  });
}

function keyTokensOnce(raw: string): KeyToken[] {
  const out: KeyToken[] = [];
  const keys = KEYS;
  const pendingCk = keyPass(raw, keys, out);
  if (pendingCk === null) return out;
  const reading = readCkOnce(keys, pendingCk);
  if (reading === undefined) return out;
  const pendingSet = new Set(pendingCk);
  const res: KeyToken[] = [];
  out.forEach((t, i) => {
    if (!pendingSet.has(i)) res.push(t);
    else
      for (const part of reading.split(' '))
        res.push({ key: part, start: t.start, end: t.end, alts: t.alts ?? [] });
  });
  return res;
}

/**
 * Every "ck" of one text gets one reading from cues anywhere in it (money or family words). Reading
 * the whole text at once, not a window, keeps the key idempotent: the expansion adds cues of its own kind only.
 */
function readCkOnce(keys: KeyList, pending: readonly number[]): 'chuyen khoan' | 'chong' | undefined {
  const pendingSet = new Set(pending);
  const words: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys.items[i] ?? '';
    if (!pendingSet.has(i)) words.push(/^\d/.test(k) ? 'k' : k);
  }
  return readCk(words, -1, false);
}

/**
 * Whether a context-dependent entry applies to the piece made of tokens [first, last]. A joined chain
 * and a plain word look alike here (a word, not a number), so the neighbours are read from the tokens.
 */
function contextAllows(
  when: 'not-after-number' | 'standalone' | undefined,
  kinds: Uint8Array,
  n: number,
  first: number,
  last: number,
): boolean {
  if (when === undefined) return true;
  const prev = first > 0 ? (kinds[first - 1] ?? -1) : -1;
  const prevNum = prev === K_NUMBER;
  if (when === 'not-after-number') return !prevNum;
  // 'standalone': a one-letter form stands for a word only between words, not inside codes or lists.
  return !prevNum && isNearWord(prev) && isNearWord(last + 1 < n ? (kinds[last + 1] ?? -1) : -1);
}

// -1: no token (start or end of text).
function isNearWord(kind: number): boolean {
  return kind === -1 || kind === K_WORD || kind === K_PUNCT || kind === K_EMOTICON || kind === K_EMOJI;
}

/** The matching key: `matchKey("Ko đc đâu!!!")` → "khong duoc dau". */
export function matchKey(raw: string): string {
  let key = matchKeyOnce(raw);
  for (let round = 0; round < MAX_KEY_ROUNDS && mayChangeAgain(key); round++) {
    const next = matchKeyOnce(key);
    if (next === key) break;
    key = next;
  }
  return key;
}

function matchKeyOnce(raw: string): string {
  const keys = KEYS;
  const pendingCk = keyPass(raw, keys, null);
  if (pendingCk !== null) {
    const reading = readCkOnce(keys, pendingCk);
    if (reading !== undefined) for (const i of pendingCk) keys.items[i] = reading;
  }
  // Two appends per key measured about twice as fast as Array.prototype.join or `s += ' ' + k`.
  const items = keys.items;
  let s = keys.length > 0 ? (items[0] ?? '') : '';
  for (let i = 1; i < keys.length; i++) {
    s += ' ';
    s += items[i] ?? '';
  }
  return s;
}
