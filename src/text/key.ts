/**
 * The matching key: lower case, no diacritics (đ → d), legacy encodings fixed, obfuscation reduced,
 * conservative teencode expansion; one key token per syllable, each with its raw span.
 */
import { fixEncodingMapped } from './encoding.js';
import { keyEntry, readCk, type KeyEntry } from './teencode.js';
import { tokenize, type Token } from './tokenize.js';

/** One matching-key syllable and the raw span it came from. `alts` lists other readings of an ambiguous form. */
export interface KeyToken {
  key: string;
  start: number;
  end: number;
  alts?: string[];
}

// Cyrillic and Greek letters that look like Latin ones (mixed-script obfuscation: "сặс" with Cyrillic с).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j',
  ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h', ԛ: 'q', ԝ: 'w', α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p',
  τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w', μ: 'u', ı: 'i', ℓ: 'l',
};
// Digits used for letters inside words: "d1t", "ch3t", "l0n".
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

const FOLD_CACHE = new Map<string, string>();

/** Lower case, diacritics removed (đ → d), look-alike letters mapped. */
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

const SEPARATOR = /^[.\-_*'`~^?,+|/\\:]$/;
const VIQR_MARK = /[`~?'^(+.]/g;

interface Piece {
  text: string;
  start: number;
  end: number;
  joined: boolean;
}

/**
 * Joins obfuscated spellings into one word: letters split by single separators ("đ.m", "d-m",
 * "d~i.t", "l.o.n"). Letters split by spaces ("d i t") are left apart: joining them would make the key
 * non-idempotent (the key itself is letters split by spaces); rules can match the key tokens in sequence.
 */
function joinPieces(text: string, tokens: readonly Token[]): ReadonlyArray<Piece | Token> {
  // Copied only once a chain is found: most texts have none and keep their token array.
  let out: Array<Piece | Token> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (t.kind === 'word' && t.text.length <= 2 && tokens[i + 1]?.start === t.end) {
      // Separator-joined chain: word (sep word)+ with no spaces.
      let j = i;
      let parts = 1;
      while (true) {
        const sep = tokens[j + 1];
        const nxt = tokens[j + 2];
        if (sep === undefined || nxt === undefined) break;
        if (sep.kind !== 'punct' || sep.text.length !== 1 || !SEPARATOR.test(sep.text) || sep.start !== tokens[j]?.end || nxt.start !== sep.end) break;
        if (nxt.kind !== 'word' || nxt.text.length > 2) break;
        j += 2;
        parts++;
      }
      // VIQR tone after the last piece ("d~i.t" ends in a letter; "di~" ends in a mark).
      const tail = tokens[j + 1];
      let end = tokens[j]?.end ?? t.end;
      if (tail !== undefined && tail.kind === 'punct' && /^[`~?'^]$/.test(tail.text) && tail.start === end && (parts > 1 || tail.text !== '?')) {
        const after = tokens[j + 2];
        if (after === undefined || after.start > tail.end) {
          end = tail.end;
          j += 1;
        }
      }
      if (j > i) {
        const raw = text.slice(t.start, end);
        out ??= tokens.slice(0, i);
        out.push({ text: raw.replace(VIQR_MARK, '').replace(/[-_*,|/\\:]/g, ''), start: t.start, end, joined: true });
        i = j;
        continue;
      }
    }
    out?.push(t);
  }
  return out ?? tokens;
}

function isToken(p: Piece | Token): p is Token {
  return 'kind' in p;
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
const WORD_KEYS = new Map<string, WordKey>();
const WORD_KEYS_MAX = 100_000;

function wordKey(text: string): WordKey {
  let k = WORD_KEYS.get(text);
  if (k === undefined) {
    const w = reduceWord(text);
    const entry = w.length === 0 ? undefined : keyEntry(w);
    k = { w, entry, parts: entry === undefined ? [] : entry.key.split(' ') };
    if (WORD_KEYS.size >= WORD_KEYS_MAX) WORD_KEYS.clear();
    WORD_KEYS.set(text, k);
  }
  return k;
}

/**
 * One pass that fills `keys` (always) and `out` (the key tokens, when not null). Returns the indices
 * of "ck" tokens, read once the whole text is keyed (see resolveCk).
 */
function keyPass(raw: string, keys: string[], out: KeyToken[] | null): number[] | null {
  const { mapped } = fixEncodingMapped(raw);
  const text = mapped.text;
  const spans = mapped.spans;
  const rawLength = raw.length;
  const pieces = joinPieces(text, tokenize(text));
  let pendingCk: number[] | null = null;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p === undefined) continue;
    let key: string;
    let wk: WordKey | undefined;
    if (isToken(p)) {
      switch (p.kind) {
        case 'word':
          wk = wordKey(p.text);
          key = wk.w;
          break;
        case 'number':
        case 'url':
        case 'email':
          key = p.text.toLowerCase();
          break;
        case 'phone':
          key = p.text.replace(/\D/g, '').replace(/^(?:0084|84)/, '0');
          break;
        case 'mention':
        case 'hashtag':
          key = p.text.charAt(0) + foldWord(p.text.slice(1));
          break;
        default:
          continue;
      }
    } else {
      wk = wordKey(p.text);
      key = wk.w;
    }
    if (key.length === 0) continue;
    let start = p.start;
    let end = p.end;
    if (spans !== null) {
      start = spans[2 * p.start] ?? rawLength;
      end = p.end > p.start ? (spans[2 * (p.end - 1) + 1] ?? rawLength) : start;
    }
    const entry = wk?.entry;
    if (wk !== undefined && entry !== undefined && contextAllows(entry.when, pieces, i)) {
      if (key === 'ck') {
        (pendingCk ??= []).push(keys.length);
        keys.push('ck');
        out?.push({ key: 'ck', start, end, alts: [...(entry.alts ?? [])] });
        continue;
      }
      for (const part of wk.parts) {
        keys.push(part);
        if (out === null) continue;
        const kt: KeyToken = { key: part, start, end };
        if (entry.alts !== undefined) kt.alts = [...entry.alts];
        out.push(kt);
      }
      continue;
    }
    keys.push(key);
    out?.push({ key, start, end });
  }
  return pendingCk;
}

/** The key as tokens with offsets into raw: `keyTokens("Ko đc")` → [{key:"khong",0,2},{key:"duoc",3,5}]. */
export function keyTokens(raw: string): KeyToken[] {
  const out: KeyToken[] = [];
  const keys: string[] = [];
  const pendingCk = keyPass(raw, keys, out);
  if (pendingCk === null) return out;
  const reading = readCkOnce(keys, pendingCk);
  if (reading === undefined) return out;
  const pendingSet = new Set(pendingCk);
  const res: KeyToken[] = [];
  out.forEach((t, i) => {
    if (!pendingSet.has(i)) res.push(t);
    else for (const part of reading.split(' ')) res.push({ key: part, start: t.start, end: t.end, alts: t.alts ?? [] });
  });
  return res;
}

/**
 * Every "ck" of one text gets one reading from cues anywhere in it (money or family words). Reading
 * the whole text at once, not a window, keeps the key idempotent: the expansion adds cues of its own kind only.
 */
function readCkOnce(keys: readonly string[], pending: readonly number[]): 'chuyen khoan' | 'chong' | undefined {
  const pendingSet = new Set(pending);
  const words: string[] = [];
  keys.forEach((k, i) => {
    if (!pendingSet.has(i)) words.push(/^\d/.test(k) ? 'k' : k);
  });
  return readCk(words, -1, false);
}

function contextAllows(when: 'not-after-number' | 'standalone' | undefined, pieces: ReadonlyArray<Piece | Token>, i: number): boolean {
  if (when === undefined) return true;
  const prev = pieces[i - 1];
  const next = pieces[i + 1];
  const prevNum = prev !== undefined && isToken(prev) && prev.kind === 'number';
  if (when === 'not-after-number') return !prevNum;
  // 'standalone': a one-letter form stands for a word only between words, not inside codes or lists.
  return !prevNum && isNearWord(prev) && isNearWord(next);
}

function isNearWord(q: Piece | Token | undefined): boolean {
  return q === undefined || !isToken(q) || q.kind === 'word' || q.kind === 'punct' || q.kind === 'emoticon' || q.kind === 'emoji';
}

/** The matching key: `matchKey("Ko đc đâu!!!")` → "khong duoc dau". */
export function matchKey(raw: string): string {
  const keys: string[] = [];
  const pendingCk = keyPass(raw, keys, null);
  if (pendingCk !== null) {
    const reading = readCkOnce(keys, pendingCk);
    if (reading !== undefined) for (const i of pendingCk) keys[i] = reading;
  }
  // Two appends per key measured about twice as fast as Array.prototype.join or `s += ' ' + k`.
  let s = keys[0] ?? '';
  for (let i = 1; i < keys.length; i++) {
    s += ' ';
    s += keys[i] ?? '';
  }
  return s;
}
