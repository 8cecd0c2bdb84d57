/**
 * The fast paths (plain-text shortcut, token columns, in-place word memos, memoised context choices)
 * against a plain reference written from the definitions: full encoding detection and clean-up,
 * `Token` objects, no memo. Any divergence the speed work introduces shows up here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayMapped, normalizeDisplay } from './display.js';
import { fixEncodingMappedFull } from './encoding.js';
import { foldByNormalizing } from './fold.js';
import { foldWord, keyTokens, matchKey, type KeyToken } from './key.js';
import { MapBuilder, type MappedText } from './mapped.js';
import { chooseDisplay, keyEntry, readCk, type KeyEntry } from './teencode.js';
import { tokenize as tokenizeClean, type Token } from './tokenize.js';
import { tokenize } from './index.js';

// ---- reference key ----

function refReduce(w: string): string {
  let f = foldWord(w);
  const leet: Record<string, string> = {
    '0': 'o',
    '1': 'i',
    '3': 'e',
    '4': 'a',
    '5': 's',
    '7': 't',
    '8': 'b',
    '9': 'g',
  };
  if (/\d/.test(f) && /[a-z]/.test(f)) f = f.replace(/(?<=[a-z])[01345789](?=[a-z])/g, (d) => leet[d] ?? d);
  if (f.length > 2) f = f.replace(/([a-z])\1{2,}/g, '$1');
  return f;
}

function refChainEnd(toks: readonly Token[], i: number): number {
  const at = (k: number): Token => toks[k] ?? { text: '', kind: 'punct', start: -1, end: -1 };
  const n = toks.length;
  if (at(i).end - at(i).start > 2 || i + 1 >= n || at(i + 1).start !== at(i).end) return i;
  let j = i;
  let parts = 1;
  while (j + 2 < n) {
    const sep = at(j + 1);
    const w = at(j + 2);
    if (
      sep.kind !== 'punct' ||
      sep.text.length !== 1 ||
      !".-_*'`~^?,+|/\\:".includes(sep.text) ||
      sep.start !== at(j).end ||
      w.start !== sep.end
    )
      break;
    if (w.kind !== 'word' || w.end - w.start > 2) break;
    j += 2;
    parts++;
  }
  const tail = at(j + 1);
  if (
    j + 1 < n &&
    tail.kind === 'punct' &&
    tail.text.length === 1 &&
    "`~?'^".includes(tail.text) &&
    tail.start === at(j).end &&
    (parts > 1 || tail.text !== '?')
  ) {
    if (j + 2 >= n || at(j + 2).start > tail.end) j += 1;
  }
  return j;
}

function refContextAllows(entry: KeyEntry, toks: readonly Token[], first: number, last: number): boolean {
  const prev = toks[first - 1]?.kind;
  const next = toks[last + 1]?.kind;
  const nearWord = (k: string | undefined): boolean =>
    k === undefined || k === 'word' || k === 'punct' || k === 'emoticon' || k === 'emoji';
  if (entry.when === undefined) return true;
  if (entry.when === 'not-after-number') return prev !== 'number';
  return prev !== 'number' && nearWord(prev) && nearWord(next);
}

function refKeyTokensOnce(raw: string): KeyToken[] {
  const { mapped } = fixEncodingMappedFull(raw);
  const text = mapped.text;
  const toks = tokenizeClean(text);
  const out: KeyToken[] = [];
  const pending: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t === undefined) continue;
    const first = i;
    let a = t.start;
    let b = t.end;
    let key: string;
    let entry: KeyEntry | undefined;
    if (t.kind === 'word') {
      const j = refChainEnd(toks, i);
      if (j > i) {
        b = toks[j]?.end ?? b;
        i = j;
        key = refReduce(
          text
            .slice(a, b)
            .replace(/[`~?'^(+.]/g, '')
            .replace(/[-_*,|/\\:]/g, ''),
        );
      } else key = refReduce(t.text);
      entry = key === '' ? undefined : keyEntry(key);
    } else if (t.kind === 'number') key = t.text.toLowerCase();
    else if (t.kind === 'url' || t.kind === 'email') key = foldByNormalizing(t.text.toLowerCase());
    else if (t.kind === 'phone') key = t.text.replace(/\D/g, '').replace(/^(?:0084|84)/, '0');
    else if (t.kind === 'mention' || t.kind === 'hashtag') key = t.text.charAt(0) + foldWord(t.text.slice(1));
    else continue;
    if (key === '') continue;
    if (mapped.spans !== null) {
      const ra = mapped.spans[2 * a] ?? raw.length;
      b = b > a ? (mapped.spans[2 * (b - 1) + 1] ?? raw.length) : ra;
      a = ra;
    }
    if (entry !== undefined && refContextAllows(entry, toks, first, i)) {
      if (key === 'ck') {
        pending.push(out.length);
        out.push({ key: 'ck', start: a, end: b, alts: [...(entry.alts ?? [])] });
        continue;
      }
      for (const part of entry.key.split(' '))
        out.push(
          entry.alts === undefined
            ? { key: part, start: a, end: b }
            : { key: part, start: a, end: b, alts: [...entry.alts] },
        );
      continue;
    }
    out.push({ key, start: a, end: b });
  }
  if (pending.length === 0) return out;
  const reading = readCk(
    out.filter((_, i) => !pending.includes(i)).map((t) => (/^\d/.test(t.key) ? 'k' : t.key)),
    -1,
    false,
  );
  if (reading === undefined) return out;
  return out.flatMap((t, i) =>
    pending.includes(i)
      ? reading.split(' ').map((key) => ({ key, start: t.start, end: t.end, alts: t.alts ?? [] }))
      : [t],
  );
}

// ---- reference display ----

// The definition of the fixed point: while the key has non-ASCII characters or a run of 9+ digits glued
// to a letter, key it again; each token
// of the new key takes the raw span from the first to the last old token it covers.
function refKeyTokens(raw: string): KeyToken[] {
  let toks = refKeyTokensOnce(raw);
  for (let round = 0; round < 3; round++) {
    const key = toks.map((t) => t.key).join(' ');
    if (![...key].some((c) => c.charCodeAt(0) > 0x7f) && !/[a-z][0-9]{9}|[0-9]{9}[a-z]/.test(key)) break;
    const again = refKeyTokensOnce(key);
    if (again.map((t) => t.key).join(' ') === key) break;
    const owner: number[] = [];
    toks.forEach((t, i) => {
      for (let c = 0; c <= t.key.length; c++) owner.push(i);
    });
    toks = again.map((t) => {
      const a = toks[owner[t.start] ?? 0];
      const b = toks[owner[Math.max(t.start, t.end - 1)] ?? 0];
      return {
        key: t.key,
        start: a?.start ?? 0,
        end: b?.end ?? 0,
        ...(t.alts !== undefined ? { alts: t.alts } : {}),
      };
    });
  }
  return toks;
}

function refApplyCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase())
    return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function refInChain(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  if (t === undefined || t.text.length > 2) return false;
  const link = (sep: Token | undefined, other: Token | undefined, before: boolean): boolean =>
    sep !== undefined &&
    other !== undefined &&
    sep.kind === 'punct' &&
    /^[.\-_~*'`^+]$/.test(sep.text) &&
    other.kind === 'word' &&
    other.text.length <= 2 &&
    (before
      ? sep.end === t.start && other.end === sep.start
      : sep.start === t.end && other.start === sep.end);
  return link(toks[i - 1], toks[i - 2], true) || link(toks[i + 1], toks[i + 2], false);
}

const UNITS = ['k', 'tr', 'đ', 'd', 'm', 'h', 'p', 'kg', 'km', 'cm', 'g', 'l', 'ml', 'v', 't', 's'];

function refDisplay(raw: string): MappedText {
  const { mapped } = fixEncodingMappedFull(raw);
  const text = mapped.text;
  const toks = tokenizeClean(text);
  const words = toks.map((t) => (t.kind === 'word' ? t.text.toLowerCase() : ''));
  const out = new MapBuilder(text.length);
  const rawA = (i: number): number => (mapped.spans === null ? i : (mapped.spans[2 * i] ?? 0));
  const rawB = (i: number): number => (mapped.spans === null ? i + 1 : (mapped.spans[2 * i + 1] ?? 0));
  let last = 0;
  toks.forEach((t, i) => {
    if (t.kind !== 'word' || refInChain(toks, i)) return;
    const lower = words[i] ?? '';
    if (toks[i - 1]?.kind === 'number' && UNITS.includes(lower)) return;
    let choice: string | undefined;
    if (lower === 'ck') {
      const from = Math.max(0, i - 3);
      const near = toks.slice(from, i + 4).some((x) => x.kind === 'number');
      if (
        readCk(
          words.slice(from, i + 4).map((w) => foldWord(w)),
          Math.min(i, 3),
          near,
        ) === 'chuyen khoan'
      )
        choice = 'chuyển khoản';
    }
    choice ??= chooseDisplay(lower, words[i - 1] ?? '', words[i + 1] ?? '');
    const squeezed = lower.replace(/(\p{L})\1{2,}/gu, '$1');
    if (choice === undefined && squeezed !== lower)
      choice = chooseDisplay(squeezed, words[i - 1] ?? '', words[i + 1] ?? '') ?? squeezed;
    if (choice === undefined) return;
    out.pushSame(text, last, t.start, mapped);
    out.push(refApplyCase(t.text, choice), rawA(t.start), rawB(t.end - 1));
    last = t.end;
  });
  out.pushSame(text, last, text.length, mapped);
  return out.finish();
}

function refTokenize(raw: string): Token[] {
  const { mapped } = fixEncodingMappedFull(raw);
  return tokenizeClean(mapped.text).map((t) => {
    if (mapped.spans === null) return t;
    const start = mapped.spans[2 * t.start] ?? raw.length;
    return { ...t, start, end: t.end > t.start ? (mapped.spans[2 * (t.end - 1) + 1] ?? raw.length) : start };
  });
}

// ---- generated corpus ----

const SYLLABLES = [
  'Hôm',
  'nay',
  'trời',
  'đẹp',
  'quá',
  'người',
  'Việt',
  'Nam',
  'không',
  'được',
  'chuyển',
  'khoản',
  'tiền',
  'vợ',
  'chồng',
  'biết',
  'gì',
  'đâu',
  'nhé',
  'thông',
  'tin',
  'sai',
  'Cà',
  'phê',
  'ĐẸP',
  'hoà',
  'khoẻ',
  'thuý',
  'xã',
  'hội',
  'lol',
  'the',
  'và',
];
const TEENCODE = [
  'ko',
  'k',
  'kg',
  'đc',
  'dc',
  'j',
  'r',
  'z',
  'v',
  'ng',
  'mn',
  'ae',
  'ck',
  'vk',
  'bt',
  'dk',
  'ntn',
  'hok',
  'KO',
  'Đc',
  'Ko',
  'nguuuu',
  'quáaaa',
  'điiiii',
  'd1t',
  'ch3t',
  'tk',
  'stk',
  'bít',
  'hum',
  'wa',
  'cx',
  '𝐚𝐚𝐚𝐚',
  '𝐀𝐀𝐀',
  'ĐĐĐ',
];
const LEGACY = [
  'Vieät',
  'Coäng hoøa',
  'Tieáng',
  'ngöôøi',
  'ViÖt',
  'Nam',
  'TiÕng',
  "Tie^'ng",
  'dda^u',
  'Vie^.t',
  'ngu+o+`i',
  'hoa\u0300',
  'Vi\u00ea\u0323t',
  'Ð',
  'ðúng',
  'é',
  'à',
  'ñ',
  'Ÿ',
  '€',
];
const MARKUP = [
  '&amp;',
  '&lt;b&gt;',
  '&#7879;',
  '&#x1ec7;',
  '&nbsp;',
  '&agrave;',
  '&',
  '&bogus;',
  '\u200b',
  '\u200d',
  '\ufe0f',
  '\u00ad',
  '\u00a0',
  'ｋｏ',
  '\u202e',
];
const SYMBOLS = [
  '😂',
  '❤️',
  '👍🏽',
  '👨‍👩‍👧',
  '🇻🇳',
  '#️⃣',
  ':)))',
  '=]]',
  ':v',
  '^^',
  'T_T',
  'xD',
  '...',
  '!!!',
  '?',
  ',',
  '-',
  '(',
  ')',
  '"',
  '…',
  '“',
  '”',
];
const FORMS = [
  'https://abc.vn/x?y=1',
  'www.abc.com.vn',
  'abc.com',
  'a.b@gmail.com',
  '0912 345 678',
  '+84912345678',
  '@Ngọc.Anh',
  '#HàNội',
  '50',
  '500k',
  '3,5tr',
  '50 k',
  'đ.m',
  'd-m',
  'd~i.t',
  'l.o.n?',
  'di~',
  'v.c.l',
  '2024',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SYLLABLES) },
  { weight: 4, arbitrary: fc.constantFrom(...TEENCODE) },
  { weight: 2, arbitrary: fc.constantFrom(...LEGACY) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...SYMBOLS) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMS) },
  // Latin-1 and Windows-1252 bytes as mojibake shows them, and anything at all.
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 5,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const sep = fc.constantFrom(' ', ' ', ' ', '', '.', ', ', '\n', '-', '  ');
const corpus = fc
  .tuple(
    fc.array(fc.tuple(piece, sep), { maxLength: 18 }),
    fc.constantFrom('as is', 'as is', 'upper', 'lower'),
  )
  .map(([parts, casing]) => {
    const s = parts.map(([p, s]) => p + s).join('');
    return casing === 'upper' ? s.toUpperCase() : casing === 'lower' ? s.toLowerCase() : s;
  });

describe('fast paths give what the plain reference gives', () => {
  it('key, display and tokens on generated Vietnamese text (teencode, legacy bytes, entities, emoji, URLs)', () => {
    fc.assert(
      fc.property(corpus, (raw) => {
        const ref = refKeyTokens(raw);
        expect(keyTokens(raw)).toEqual(ref);
        expect(matchKey(raw)).toBe(ref.map((t) => t.key).join(' '));
        const disp = refDisplay(raw);
        expect(normalizeDisplay(raw)).toBe(disp.text);
        const mapped = displayMapped(raw);
        expect(mapped.text).toBe(disp.text);
        expect(Array.from(mapped.spans ?? [])).toEqual(Array.from(disp.spans ?? []));
        expect(tokenize(raw)).toEqual(refTokenize(raw));
      }),
      { numRuns: 2500 },
    );
  });

  it('agrees on the same words met again, in other contexts and other case (warm memos)', () => {
    const texts = fc.sample(corpus, { numRuns: 400, seed: 7 });
    for (const raw of [...texts, ...texts.map((t) => t.toUpperCase()), ...texts.reverse()]) {
      expect(keyTokens(raw)).toEqual(refKeyTokens(raw));
      expect(normalizeDisplay(raw)).toBe(refDisplay(raw).text);
    }
  });

  it('the reference itself reads teencode, context and legacy text as documented', () => {
    expect(refDisplay('Ko đc đâu :))').text).toBe('Không được đâu :))');
    expect(refDisplay('ck cho mình 500k nhé').text).toBe('chuyển khoản cho mình 500k nhé');
    expect(refKeyTokens('vk ck cãi nhau').map((t) => t.key)).toEqual(['vo', 'chong', 'cai', 'nhau']);
    expect(refKeyTokens('xem d.m Vieät').map((t) => t.key)).toEqual(['xem', 'dm', 'viet']);
  });
});
