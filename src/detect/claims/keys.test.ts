import { describe, expect, it } from 'vitest';
import { sentenceSpans } from './keys.js';

const sentences = (raw: string) => sentenceSpans(raw).map((s) => raw.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('ends a sentence on a short word before a capitalised one, not on an abbreviation or a number', () => {
    // "rẻ." is a word that ends a sentence: the embedded claim after it is a sentence of its own.
    expect(sentences('Đi tàu cho rẻ. Giờ nghe tin đường sắt dừng chạy.')).toEqual(['Đi tàu cho rẻ.', 'Giờ nghe tin đường sắt dừng chạy.']);
    expect(sentences('Ở TP. Hồ Chí Minh giá 1.000.000 đồng.')).toEqual(['Ở TP. Hồ Chí Minh giá 1.000.000 đồng.']);
    expect(sentences('ở tp. hcm mưa to. Q. 7 ngập')).toEqual(['ở tp. hcm mưa to.', 'Q. 7 ngập']);
  });
});
