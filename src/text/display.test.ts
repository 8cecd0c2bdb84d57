import { describe, expect, it } from 'vitest';
import { normalizeDisplay } from './display.js';

describe('normalizeDisplay', () => {
  it('expands teencode and keeps case, punctuation and emoticons', () => {
    expect(normalizeDisplay('Ko đc đâu :))')).toBe('Không được đâu :))');
    expect(normalizeDisplay('mn ơi, ae vs nhau nhé!!!')).toBe('mọi người ơi, anh em với nhau nhé!!!');
  });
  it('uses context for ambiguous forms', () => {
    expect(normalizeDisplay('ck cho mình 500k nhé')).toBe('chuyển khoản cho mình 500k nhé');
    expect(normalizeDisplay('ck mình đi làm rồi')).toBe('chồng mình đi làm rồi');
    expect(normalizeDisplay('giá 50 k')).toBe('giá 50 k');
  });
  it('fixes encodings and leaves ordinary text alone', () => {
    expect(normalizeDisplay('Vieät Nam')).toBe('Việt Nam');
    for (const s of ['Hôm nay trời đẹp quá.', 'The quick brown fox jumps over the lazy dog.', 'lol']) expect(normalizeDisplay(s)).toBe(s);
  });
});
