import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { bundledStance, parseStance, stanceScore, stanceTerms, trainStance } from './stance.js';

describe('stance of a post', () => {
  it('keeps stopwords and word pairs as terms', () => {
    const tf = stanceTerms(analyze('Làm gì có chuyện đó, tin giả thôi'));
    expect(tf.has('lam gi')).toBe(true);
    expect(tf.has('tin gia')).toBe(true);
  });

  it('learns repeat against doubt from labelled posts, deterministically', () => {
    const repeat = [
      'nghe nói từ tháng sau xăng lên 30 nghìn',
      'mọi người ơi điện tăng giá gấp đôi rồi',
      'chia sẻ ngay: trường cho nghỉ học cả tuần',
    ];
    const doubt = [
      'làm gì có chuyện xăng lên 30 nghìn, tin giả',
      'điện tăng giá gấp đôi thật không mọi người',
      'không có chuyện trường cho nghỉ học, đừng tin',
    ];
    const posts = [
      ...repeat.map((t) => ({ analysis: analyze(t), label: 1 as const })),
      ...doubt.map((t) => ({ analysis: analyze(t), label: 0 as const })),
    ];
    const a = trainStance(posts, { minDf: 1, steps: 300 });
    const b = trainStance(posts, { minDf: 1, steps: 300 });
    expect(a).toEqual(b);
    expect(stanceScore(a, analyze('nghe nói giá gas lên 30 nghìn'))).toBeGreaterThan(
      stanceScore(a, analyze('làm gì có chuyện giá gas lên, tin giả')),
    );
  });

  it('ships a model that reads a debunk and a question as doubt and a repeat as passing it on', () => {
    const m = bundledStance();
    expect(m).not.toBeNull();
    const s = (t: string): number => stanceScore(m as NonNullable<typeof m>, analyze(t));
    const repeat = s('Nghe nói từ tháng sau xe máy không đội mũ bảo hiểm bị phạt 5 triệu, ae cẩn thận nha');
    expect(repeat).toBeGreaterThan(
      s('Làm gì có chuyện không đội mũ bảo hiểm bị phạt 5 triệu, tin giả đó, mức phạt vẫn như cũ'),
    );
    expect(repeat).toBeGreaterThan(s('Không đội mũ bảo hiểm bị phạt 5 triệu thật không mọi người?'));
  });

  it('refuses a model file with a missing field, naming it', () => {
    expect(() =>
      parseStance({ format: 'kiemtin-claims-stance/1', terms: {}, bias: 0, c: 2, minDf: 2 }, 'x.json'),
    ).toThrow(/trainingPosts/);
    expect(() =>
      parseStance(
        { format: 'kiemtin-claims-stance/1', terms: { a: [1] }, bias: 0, c: 2, minDf: 2, trainingPosts: 1 },
        'x.json',
      ),
    ).toThrow(/"a"/);
  });
});
