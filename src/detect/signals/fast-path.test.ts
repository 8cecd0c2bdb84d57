import { describe, expect, it } from 'vitest';
import { findGamblingSites, findLinks } from './links.js';
import { foldSameLength } from './pii.js';
import { profileText, scanSignals, scanSignalsReference, scanSignalsUncached } from './scan.js';

const NOW = new Date('2026-11-28T00:00:00Z');

// Pieces that sit on every fast path's edge: digit groups around the finders' minimum lengths with
// every separator, "+84", e-mails, bank cues, hosts, shorteners, brands inside and beside words.
const PIECES = [
  '0', '9', '12', '345', '0912', '345678', '0912345678', '079203001234', '190356789012', '024', '3825', '6686', '+84', '84', '0084',
  ' ', ' ', ' ', '.', '-', ',', '@', 'a@b.vn', 'mail', 'gmail.com', 'STK', 'stk', 'số tài khoản', 'vcb', 'Techcombank', 'ngân hàng', 'ck',
  'bit.ly/x', 'https://', 'www.', 'vietcornbank.com', 'fb88', 'FB88', 'w88', 'w880', 'kubet88', 'bong88.vip', 'ả', 'đ', 'Hôm', 'nay', 'ko',
  'cccd', 'của nó', 'sđt', 'zalo', '\n', '500.000', 'tp.hcm', 'x', 'é1', '😂',
];

function randomText(seed: number): string {
  let x = seed;
  const n = 1 + (seed % 25);
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += PIECES[x % PIECES.length] ?? '';
  }
  return out;
}

// The regex scan of ASCII runs that the charCode walk in findGamblingSites replaced.
const GAMBLING_WORDS = new Set(['bong88', 'fb88', 'w88', 'kubet88', 'kubet']);
function gamblingWordsByRegex(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/[a-z0-9]{3,}/gi)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!GAMBLING_WORDS.has(m[0].toLowerCase())) continue;
    if (/[\p{L}\p{N}]/u.test(text.charAt(start - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
    out.push([start, end]);
  }
  return out;
}

describe('signal scan fast paths', () => {
  it('gives exactly the findings of running every finder, on 1,500 generated texts', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const t = randomText(seed);
      expect(scanSignals(t, NOW), t).toEqual(scanSignalsReference(t, NOW));
    }
  });

  it('profiles digit groups joined by single separators', () => {
    expect(profileText('gọi 0912 345.678 nhé').maxDigitGroup).toBe(10);
    expect(profileText('12  34').maxDigitGroup).toBe(2);
    expect(profileText('12 -34').maxDigitGroup).toBe(2);
    expect(profileText('a@b')).toMatchObject({ hasAt: true, hasDot: false });
  });

  it('finds brand words as the ASCII-run regex did', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const t = randomText(seed);
      const got = findGamblingSites(t, [])
        .filter((s) => GAMBLING_WORDS.has(s.value))
        .map((s) => [s.start, s.end]);
      expect(got, t).toEqual(gamblingWordsByRegex(t));
    }
  });

  it('reads each link as the regular expressions did (trailing punctuation, scheme, www., host, url)', () => {
    const extra = ['HTTPS://WWW.Bit.LY/AbC', 'http://x.vn:8080/p?q=1#f', 'www.FB88.vip/', 'Shopee.VN/sp/1?', 'x.com).', 'https://a.b/…', 'HtTp://www.www.x.top', 'b.vn#x/y'];
    for (let seed = 1; seed <= 3000; seed++) {
      const t = randomText(seed) + (seed % 3 === 0 ? ' ' + extra[seed % extra.length] : '');
      for (const l of findLinks(t)) {
        const url = l.text.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
        expect(l.text, t).toBe(l.text.replace(/[.,;:!?)\]}>'"…]+$/, ''));
        expect(l.host, t).toBe((url.split(/[/?#:]/)[0] ?? '').toLowerCase().replace(/\.$/, ''));
        expect(l.url, t).toBe(url.replace(/^[^/]+/, (h) => h.toLowerCase()));
        expect(t.slice(l.start, l.end)).toBe(l.text);
      }
    }
  });

  it('folds every UTF-16 unit as the per-character fold did, and the scan with a folded text finds the same', () => {
    const perChar = (t: string): string => [...Array(t.length).keys()].map((i) => { const c = t.charCodeAt(i); return c < 0x80 ? t.charAt(i).toLowerCase() : foldSameLength(t.charAt(i)); }).join('');
    let every = '';
    for (let c = 0; c < 0x10000; c++) every += String.fromCharCode(c);
    const folded = foldSameLength(every);
    expect(folded.length).toBe(every.length);
    for (let c = 0x80; c < 0x10000; c += 97) expect(folded.charAt(c)).toBe(foldSameLength(every.charAt(c)));
    expect(foldSameLength('STK Vietcombank ĐẶNG 0912 😂 '.repeat(400))).toBe(perChar('STK Vietcombank ĐẶNG 0912 😂 '.repeat(400)));
    for (let seed = 1; seed <= 1500; seed++) {
      const t = randomText(seed);
      expect(scanSignalsUncached(t, NOW, () => foldSameLength(t)), t).toEqual(scanSignalsReference(t, NOW));
    }
  });

  it('hands out copies, so a caller changing its result does not change the next caller\'s', () => {
    const t = 'STK 190356789012 vcb, zalo 0912345678';
    const first = scanSignals(t, NOW);
    first.signals.length = 0;
    expect(scanSignals(t, NOW).signals.length).toBeGreaterThan(0);
  });
});
