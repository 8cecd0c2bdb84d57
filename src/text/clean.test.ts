import { describe, expect, it } from 'vitest';
import { cleanMapped } from './clean.js';

describe('cleanMapped', () => {
  it('removes zero-width characters and maps look-alike Ð to Đ', () => {
    expect(cleanMapped('đ\u200bm\u00ad \u00d0ẸP\ufeff').text).toBe('đm ĐẸP');
  });
  it('decodes HTML entities and full-width forms, with spans over the entity', () => {
    const m = cleanMapped('a&amp;b ｋｏ &#273;&#x1EB9;p');
    expect(m.text).toBe('a&b ko đẹp');
    expect([m.spans?.[2], m.spans?.[3]]).toEqual([1, 6]);
  });
  it('returns NFC and keeps emoji sequences whole', () => {
    expect(cleanMapped('hoa\u0300 👍🏽 ❤️ 👨‍👩‍👧').text).toBe('hoà 👍🏽 ❤️ 👨‍👩‍👧');
  });
  it('is the identity (no map) on clean NFC text', () => {
    expect(cleanMapped('Tiếng Việt').spans).toBeNull();
  });
});
