import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SAFE, charClass } from './char-class.js';
import { detectEncoding, detectEncodingFull, fixAndScan, fixEncodingMapped, fixEncodingMappedFull, isPlainUnicode } from './encoding.js';
import { foldByNormalizing, foldDiacritics } from './fold.js';
import type { MappedText } from './mapped.js';
import { K_WORD, TokenColumns, emojiEnd, emojiPatternEnd, emoticonEnd, emoticonPatternEnd, scanTokens, tokenize } from './tokenize.js';
import { hashRange } from './word-memo.js';
import { keyTokens, matchKey } from './key.js';

// Null spans and an explicit identity map mean the same thing.
function spansOf(m: MappedText): number[] | null {
  if (m.spans === null) return null;
  const a = Array.from(m.spans);
  for (let i = 0; i < a.length / 2; i++) if (a[2 * i] !== i || a[2 * i + 1] !== i + 1) return a;
  return null;
}

// Plain text, Latin-1 and Windows-1252 look-alikes, legacy pairs, emoji with selectors, marks, anything.
const piece = fc.constantFrom(
  'Việt', 'Nam', 'Cà phê', 'hôm nay', 'ko đc', 'Vieät', 'Coäng hoøa', 'Tie^\'ng', 'dda^u', 'hoa\u0300', 'é', 'à', 'ñ', '…', '“x”', '€', 'Ÿ',
  '😂', '❤️', '👍🏽', '👨‍👩‍👧', '\u200d', '\ufe0f', '\u200b', '&amp;', '&', 'ｋ', 'Ð', '\u00a0', '\t', '\n', ' ', '.', '?', 'Привет', 'これ',
  '\u2126', '가', '\u1161', '\u0301', '𝐀', '🇻🇳', '#️⃣', 'İ', 'ǅ', 'ﬁ', 'Ǆ', '\u0344', '\uf900',
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
  fc.array(piece, { maxLength: 12 }).map((a) => a.join(' ')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('fast paths agree with the definitions', () => {
  it('the plain-Unicode shortcut gives what full detection and clean-up give', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const fast = fixEncodingMapped(raw);
        const full = fixEncodingMappedFull(raw);
        expect(fast.encoding).toBe(full.encoding);
        expect(fast.mapped.text).toBe(full.mapped.text);
        expect(spansOf(fast.mapped)).toEqual(spansOf(full.mapped));
        expect(detectEncoding(raw)).toEqual(detectEncodingFull(raw));
      }),
      { numRuns: 1500 },
    );
  });

  it('fixing and scanning in one pass gives the fixed text and its scan', () => {
    const one = new TokenColumns();
    const two = new TokenColumns();
    const columns = (c: TokenColumns): number[][] => [Array.from(c.kinds.subarray(0, c.length)), Array.from(c.starts.subarray(0, c.length)), Array.from(c.ends.subarray(0, c.length))];
    fc.assert(
      fc.property(text, (raw) => {
        const mapped = fixAndScan(raw, one);
        const expected = fixEncodingMapped(raw).mapped;
        expect(mapped.text).toBe(expected.text);
        expect(spansOf(mapped)).toEqual(spansOf(expected));
        scanTokens(expected.text, two);
        expect(columns(one)).toEqual(columns(two));
      }),
      { numRuns: 1500 },
    );
  });

  it('takes the shortcut on ordinary comments and not on legacy or dirty text', () => {
    for (const s of ['Hôm nay trời đẹp quá 😂 ❤️', 'khong dau ma van doc duoc.', 'Tiếng Việt, “ngoặc” … 👨‍👩‍👧']) expect(isPlainUnicode(s), s).toBe(true);
    for (const s of ['Vieät Nam', "Vie^.t Nam", 'hoa\u0300', 'a&amp;b', 'đ\u200bm', 'Cà phê']) expect(isPlainUnicode(s), s).toBe(false);
  });

  it('text made of SAFE code units is already NFC', () => {
    // Neighbours from scripts with compositions (Latin bases, Hangul syllables, Greek).
    const neighbours = ['a', 'e', 'ư', 'A', '가', ' ', 'ﬁ', 'Ω', 'ο', 'ع'];
    for (const b of neighbours) expect(charClass(b.charCodeAt(0)) & SAFE, b).toBe(SAFE);
    expect(charClass(0x301) & SAFE).toBe(0);
    expect(charClass(0x1161) & SAFE).toBe(0);
    for (let c = 0; c < 0x10000; c++) {
      if ((charClass(c) & SAFE) === 0) continue;
      const ch = String.fromCharCode(c);
      for (const b of neighbours) {
        if (!(b + ch).normalize('NFC').endsWith(ch) || !(ch + b).normalize('NFC').startsWith(ch)) {
          throw new Error(`U+${c.toString(16)} changes next to ${JSON.stringify(b)}`);
        }
      }
    }
  });

  it('foldDiacritics gives the NFD-and-strip result for every code unit and for mixed text', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `a${String.fromCharCode(c)}b`;
      const fast = foldDiacritics(s);
      if (fast !== foldByNormalizing(s)) throw new Error(`U+${c.toString(16)}: ${fast} vs ${foldByNormalizing(s)}`);
    }
    fc.assert(
      fc.property(text, (raw) => {
        expect(foldDiacritics(raw)).toBe(foldByNormalizing(raw));
      }),
      { numRuns: 1000 },
    );
    expect(foldDiacritics('Đường Hoà Bình ĐẸP 😂')).toBe('Duong Hoa Binh DEP 😂');
  });
});

describe('tokenizer shortcuts keep the special forms', () => {
  const kinds = (s: string): string => tokenize(s).map((t) => `${t.kind}:${t.text}`).join(' | ');
  it('tries URLs, e-mails and emoticons only where they can start, and still finds them', () => {
    expect(kinds('xem ABC.COM nhé')).toBe('word:xem | word:ABC | punct:. | word:COM | word:nhé');
    expect(kinds('http://localhost:3000 ok')).toBe('word:http | emoticon::/ | punct:/ | word:localhost | punct:: | number:3000 | word:ok');
    expect(kinds('www.abc-def.com.vn/x?y.')).toBe('url:www.abc-def.com.vn/x?y | punct:.');
    expect(kinds('HTTP://A.B a-b.vn')).toBe('url:HTTP://A.B | url:a-b.vn');
    expect(kinds('nguyễn.văn@gmail.com')).toBe('email:nguyễn.văn@gmail.com');
    expect(kinds('T_T t.t xDD xD9')).toBe('emoticon:T_T | emoticon:t.t | emoticon:xDD | word:xD9');
    expect(kinds('1.5tr ko.đc e.g.')).toBe('number:1.5tr | word:ko | punct:. | word:đc | word:e | punct:. | word:g | punct:.');
  });
});

describe('hand-written emoji matcher', () => {
  // The tokenizer never stands inside a surrogate pair, so those positions are skipped.
  const insidePair = (s: string, i: number): boolean => /[\udc00-\udfff]/.test(s.charAt(i)) && /[\ud800-\udbff]/.test(s.charAt(i - 1));
  it('ends where the emoji pattern ends, at every non-ASCII position', () => {
    const emo = fc.constantFrom('😂', '❤', '\ufe0f', '\u200d', '👍', '🏽', '🏿', '👨', '👩', '👧', '🇻', '🇳', '🇺', '©', '™', '↔', '가', 'ệ', 'a', ' ', '\ud83d', '\ude02', '𝐀', '🫠', '🪿', '\u{1f3fa}', '\u{2a6d6}');
    fc.assert(
      fc.property(fc.array(emo, { maxLength: 10 }).map((a) => a.join('')), (s) => {
        for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80 && !insidePair(s, i)) expect(emojiEnd(s, i), `${JSON.stringify(s)} @${i}`).toBe(emojiPatternEnd(s, i));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('emoticon shortcut', () => {
  it('ends where the emoticon pattern ends', () => {
    const part = fc.constantFrom(':', ';', '=', ')', '(', ']', '[', 'D', 'v', '3', '1', '²', 'a', 'ê', ' ', '-', "'", '^', '_', 'x', 'T');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }).map((a) => a.join('')), (s) => {
        for (let i = 0; i < s.length; i++) expect(emoticonEnd(s, i), `${JSON.stringify(s)} @${i}`).toBe(emoticonPatternEnd(s, i));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('per-word memo', () => {
  it('looks words up by the hash the scanner computed, which is the hash of the word', () => {
    const cols = new TokenColumns();
    fc.assert(
      fc.property(text, (raw) => {
        const n = scanTokens(raw, cols);
        for (let i = 0; i < n; i++) {
          if (cols.kinds[i] !== K_WORD) continue;
          expect(cols.hashes[i]).toBe(hashRange(raw, cols.starts[i] ?? 0, cols.ends[i] ?? 0));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same key cold and warm, for words in any case', () => {
    const s = 'KO ĐC Ko đc ko đc NGUUUU nguuuu';
    const first = keyTokens(s);
    expect(keyTokens(s)).toEqual(first);
    expect(matchKey(s)).toBe('khong duoc khong duoc khong duoc ngu ngu');
  });
});
