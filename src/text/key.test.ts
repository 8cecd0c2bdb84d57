import { describe, expect, it } from 'vitest';
import { keyTokens, matchKey } from './key.js';

describe('matchKey', () => {
  it('matches text without diacritics (đ → d included)', () => {
    expect(matchKey('Đường Hoà Bình ĐẸP')).toBe(matchKey('duong hoa binh dep'));
    expect(matchKey('Hòa')).toBe(matchKey('hoà'));
  });
  it('reduces obfuscation: separators, repeats, leetspeak, look-alikes, VIQR marks', () => {
    expect(matchKey('đ.m')).toBe('dm');
    expect(matchKey('d-m')).toBe('dm');
    expect(matchKey('d~i.t')).toBe('dit');
    expect(matchKey('nguuuu')).toBe('ngu');
    expect(matchKey('d1t')).toBe('dit');
    expect(matchKey('с\u0430m')).toBe('cam'); // Cyrillic с and а
  });
  it('expands unambiguous teencode, and k only where it means không', () => {
    expect(matchKey('ko đc j đâu ae')).toBe('khong duoc gi dau anh em');
    expect(matchKey('k biết')).toBe('khong biet');
    expect(matchKey('giá 50 k')).toBe('gia 50 k');
  });
  it('reads ck by context and keeps alternatives', () => {
    expect(matchKey('ck cho mình 500k nhé')).toMatch(/^chuyen khoan/);
    expect(matchKey('vk ck cãi nhau')).toBe('vo chong cai nhau');
    const t = keyTokens('ck ơi');
    expect(t[0]?.key).toBe('ck');
    expect(t[0]?.alts).toEqual(['chong', 'chuyen khoan']);
  });
  it('does not fold plain words into profanity', () => {
    expect(matchKey('lol')).toBe('lol');
    expect(matchKey('cu li')).toBe('cu li');
    expect(matchKey('con cò')).toBe('con co');
  });
  it('gives raw offsets, shared by the syllables of one expansion', () => {
    expect(keyTokens('Ko ntn')).toEqual([
      { key: 'khong', start: 0, end: 2 },
      { key: 'nhu', start: 3, end: 6 },
      { key: 'the', start: 3, end: 6 },
      { key: 'nao', start: 3, end: 6 },
    ]);
    const raw = 'xem Vieät Nam';
    const vn = keyTokens(raw);
    expect(vn.map((t) => raw.slice(t.start, t.end))).toEqual(['xem', 'Vieät', 'Nam']);
  });
  it('fixes legacy encodings in the key', () => {
    expect(matchKey('Coäng hoøa')).toBe('cong hoa');
  });
  it('gives a joined chain the raw span from its first to its last piece, tone mark included', () => {
    expect(keyTokens('xem đ.m nó')[1]).toEqual({ key: 'dm', start: 4, end: 7 });
    expect(keyTokens('di~ nha')[0]).toEqual({ key: 'di', start: 0, end: 3 });
    expect(keyTokens('l.o.n?')).toEqual([{ key: 'lon', start: 0, end: 6 }]);
    // After one piece a "?" ends the question instead.
    expect(matchKey('ok a?')).toBe('ok a');
  });
  it('reads one-letter forms next to a chain as words, and not between numbers', () => {
    expect(matchKey('đ.m j đâu')).toBe('dm gi dau');
    expect(matchKey('5 j 6')).toBe('5 j 6');
  });
});
