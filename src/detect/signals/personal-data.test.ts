import { describe, expect, it } from 'vitest';
import type { DetectDocument } from '../types.js';
import { createPersonalDataDetector } from './personal-data.js';

const ctx = { now: new Date('2026-11-28T00:00:00Z'), parent: null };
const doc = (text: string, over: Partial<DetectDocument> = {}): DetectDocument => ({
  id: 'd', kind: 'comment', text, title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null, ...over,
});
const d = createPersonalDataDetector();

describe('personal-data detector', () => {
  it("flags a comment exposing a third party's CCCD, without repeating the number in the explanation", () => {
    const text = 'CCCD của thằng này 079203001234 nhé mọi người';
    const [f] = d.run(doc(text), ctx);
    expect(f).toMatchObject({ category: 'personal-data' });
    expect(f?.score).toBeGreaterThanOrEqual(0.8);
    expect(f?.explanation).not.toContain('079203001234');
    const item = (f?.evidence.items as Array<{ start: number; end: number }>)[0];
    expect(text.slice(item?.start, item?.end)).toBe('079203001234');
  });
  it("flags a phone number pointed at someone else", () => {
    expect(d.run(doc('sđt của nó đây 0912345678 ae gọi khủng bố đi'), ctx)).toHaveLength(1);
  });
  it("does not flag an outlet's own hotline or a seller's contact number", () => {
    expect(d.run(doc('Đường dây nóng của báo: 0912345678, email toasoan@bao.vn', { kind: 'post', outletType: 'e-newspaper' }), ctx)).toEqual([]);
    expect(d.run(doc('Liên hệ zalo 0912345678 để đặt hàng'), ctx)).toEqual([]);
    expect(d.run(doc('Giá 120.000đ, mã 1234567'), ctx)).toEqual([]);
  });
  it('flags several kinds of personal data together in a comment', () => {
    expect(d.run(doc('0912345678 nguyenvana@gmail.com'), ctx)).toHaveLength(1);
  });
});
