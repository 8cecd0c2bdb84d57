import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from './dates.js';

const iso = (s: string, now?: Date) => parseVietnameseDate(s, now ? { now } : {})?.toISOString() ?? null;

describe('parseVietnameseDate', () => {
  it('reads the forms Vietnamese sites print, as Vietnam local time', () => {
    const want = '2021-06-12T01:04:00.000Z';
    expect(iso('lúc 8:04 12 tháng 6, 2021')).toBe(want);
    expect(iso('12 tháng 6, 2021 lúc 08:04')).toBe(want);
    expect(iso('Thứ bảy, 12/6/2021, 08:04 (GMT+7)')).toBe(want);
    expect(iso('12/06/2021 08:04')).toBe(want);
    expect(iso('08:04 - 12/06/2021')).toBe(want);
    expect(iso('Ngày 12 tháng 06 năm 2021 08h04')).toBe(want);
    expect(iso('tháng 6 12, 2021 08:04')).toBe(want);
    expect(iso('12-06-2021')).toBe('2021-06-11T17:00:00.000Z');
  });

  it('uses the zone the text names', () => {
    expect(iso('Thứ bảy, 12/6/2021, 08:04 (GMT+0)')).toBe('2021-06-12T08:04:00.000Z');
    expect(iso('2021-06-12T08:04:00+07:00')).toBe('2021-06-12T01:04:00.000Z');
    expect(iso('2021-06-12T08:04:00Z')).toBe('2021-06-12T08:04:00.000Z');
    expect(iso('2021-06-12T08:04:05.123-05:00')).toBe('2021-06-12T13:04:05.000Z');
    expect(iso('2021-06-12 08:04')).toBe('2021-06-12T01:04:00.000Z');
  });

  it('reads RFC 822 dates of RSS feeds', () => {
    expect(iso('Sat, 12 Jun 2021 08:04:00 +0700')).toBe('2021-06-12T01:04:00.000Z');
    expect(iso('Sat, 12 Jun 2021 01:04:00 GMT')).toBe('2021-06-12T01:04:00.000Z');
    expect(iso('12 Jun 2021 01:04 Z')).toBe('2021-06-12T01:04:00.000Z');
  });

  it('reads 12-hour Blogger times (SA/CH)', () => {
    expect(iso('12 tháng 6, 2021 lúc 8:04 CH')).toBe('2021-06-12T13:04:00.000Z');
    expect(iso('12/06/2021 12:30 SA')).toBe('2021-06-11T17:30:00.000Z');
  });

  it('needs `now` for relative dates', () => {
    const now = new Date('2021-06-12T01:04:00.000Z');
    expect(iso('2 giờ trước')).toBeNull();
    expect(iso('2 giờ trước', now)).toBe('2021-06-11T23:04:00.000Z');
    expect(iso('5 phút trước', now)).toBe('2021-06-12T00:59:00.000Z');
    expect(iso('Hôm qua lúc 20:15', now)).toBe('2021-06-11T13:15:00.000Z');
    expect(iso('vừa xong', now)).toBe(now.toISOString());
  });

  it('gives null for text that is not a valid date', () => {
    expect(iso('')).toBeNull();
    expect(iso('Tin tức hôm nay')).toBeNull();
    expect(iso('31/02/2021')).toBeNull();
    expect(iso('12/13/2021')).toBeNull();
    expect(iso('25:61 12/06/2021')).toBeNull();
    expect(iso('x'.repeat(10_000))).toBeNull();
  });
});
