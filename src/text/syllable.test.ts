import { describe, expect, it } from 'vitest';
import { canonicalSyllable, isVietnameseSyllable } from './syllable.js';

describe('syllables', () => {
  it('recognises Vietnamese syllables and rejects mojibake and foreign words', () => {
    for (const w of ['việt', 'người', 'khuya', 'nghiêng', 'quý', 'gì', 'hoà', 'hòa', 'thuở']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['vieät', 'hello', 'schön', 'hoàt', 'viêtj', 'x']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
  it('puts tone marks in the canonical (new-style) place', () => {
    expect(['hòa', 'khỏe', 'thúy', 'hủy', 'lựơng', 'hóan', 'hoà', 'Hòa'].map(canonicalSyllable)).toEqual([
      'hoà', 'khoẻ', 'thuý', 'huỷ', 'lượng', 'hoán', 'hoà', 'Hoà',
    ]);
    expect(['quý', 'giữ', 'mía', 'người', 'khuyến'].map(canonicalSyllable)).toEqual(['quý', 'giữ', 'mía', 'người', 'khuyến']);
  });
});
