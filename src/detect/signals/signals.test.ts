import { describe, expect, it } from 'vitest';
import { findBankLookalikes, findGamblingSites, findLinks, findShortLinks, lookalikeOf } from './links.js';
import { decodeCccd, findBankAccounts, findCccds, findEmails, findPhones } from './pii.js';
import { scanSignals } from './scan.js';
import { CCCD_PROVINCES } from './provinces.js';

const NOW = new Date('2026-11-28T00:00:00Z');
const values = (xs: Array<{ value: string }>) => xs.map((x) => x.value);

describe('phone numbers', () => {
  it('finds mobile numbers in every usual writing, with offsets', () => {
    const t = 'gọi 0912345678, 0912.345.678, 0912-345-678, +84 912 345 678 hoặc 84912345678';
    const found = findPhones(t);
    expect(values(found)).toEqual(Array(5).fill('0912345678'));
    for (const s of found) expect(t.slice(s.start, s.end)).toBe(s.text);
  });
  it('knows the mobile prefixes and does not match inside longer digit runs', () => {
    expect(values(findPhones('0112345678 0212345678 0412345678'))).toEqual([]);
    expect(values(findPhones('mã 1234091234567890'))).toEqual([]);
    expect(values(findPhones('09123456789'))).toEqual([]);
    expect(values(findPhones('số 0386123456 và 0703123456'))).toEqual(['0386123456', '0703123456']);
  });
  it('finds landlines (02x, 11 digits) unless asked not to', () => {
    expect(values(findPhones('tổng đài 024 3825 6686'))).toEqual(['02438256686']);
    expect(findPhones('tổng đài 024 3825 6686', false)).toEqual([]);
  });
});

describe('citizen ID (CCCD)', () => {
  it('lists the 63 province codes from 001 Hà Nội to 096 Cà Mau', () => {
    expect(Object.keys(CCCD_PROVINCES)).toHaveLength(63);
    expect(CCCD_PROVINCES['001']).toBe('Hà Nội');
    expect(CCCD_PROVINCES['079']).toBe('Hồ Chí Minh');
    expect(CCCD_PROVINCES['096']).toBe('Cà Mau');
  });
  it('checks province, century code and birth year', () => {
    expect(decodeCccd('079303001234', NOW)).toEqual({ province: 'Hồ Chí Minh', sex: 'female', birthYear: 2003 });
    expect(decodeCccd('001088001234', NOW)).toMatchObject({ sex: 'male', birthYear: 1988 });
    expect(decodeCccd('003088001234', NOW)).toBeNull(); // 003 is not a province code
    expect(decodeCccd('001230001234', NOW)).toBeNull(); // born 2030: in the future
    expect(decodeCccd('001430001234', NOW)).toBeNull(); // 2130
    expect(decodeCccd('001830001234', NOW)).toBeNull(); // 1830: more than 120 years ago
  });
  it('finds IDs written whole or in groups, never inside longer numbers', () => {
    expect(values(findCccds('cccd 079203001234 nhé', NOW))).toEqual(['079203001234']);
    expect(values(findCccds('cccd 079 203 001234', NOW))).toEqual(['079203001234']);
    expect(values(findCccds('mã đơn 10792030012345', NOW))).toEqual([]);
  });
});

describe('bank accounts and e-mail', () => {
  it('finds account numbers only near a bank name or STK', () => {
    expect(values(findBankAccounts('STK: 1903 5678 9012 Techcombank'))).toEqual(['190356789012']);
    expect(findBankAccounts('stk vcb 0071000123456')[0]?.detail).toMatchObject({ bank: 'Vietcombank' });
    expect(values(findBankAccounts('số tài khoản của nó là 123456789'))).toEqual(['123456789']);
    expect(findBankAccounts('mã đơn hàng 1903567890 đã giao')).toEqual([]);
    expect(findBankAccounts('chuyển khoản 500.000 đồng')).toEqual([]);
  });
  it('finds e-mail addresses', () => {
    expect(values(findEmails('gửi về Nguyen.Van.A@gmail.com nhé'))).toEqual(['nguyen.van.a@gmail.com']);
  });
});

describe('links and scam indicators', () => {
  it('extracts links with and without a scheme, not abbreviations', () => {
    const l = findLinks('xem https://VNExpress.net/a.html, bit.ly/3abc và s.id/x; tp.hcm v.v.');
    expect(l.map((x) => x.host)).toEqual(['vnexpress.net', 'bit.ly', 's.id']);
    expect(l[0]?.text).toBe('https://VNExpress.net/a.html');
  });
  it('flags shortened links', () => {
    expect(values(findShortLinks(findLinks('nhận quà tại bit.ly/x hoặc https://rb.gy/y và vnexpress.net')))).toEqual(['bit.ly', 'rb.gy']);
  });
  it('flags look-alike bank domains but not the real ones', () => {
    expect(lookalikeOf('vietcombank.com.vn')).toBeNull();
    expect(lookalikeOf('ebanking.vietcombank.com.vn')).toBeNull();
    expect(lookalikeOf('vietcombank-hotro.com')).toMatchObject({ reason: 'added-words', domain: 'vietcombank.com.vn' });
    expect(lookalikeOf('hotrovietcombank.top')).toMatchObject({ reason: 'added-words' });
    expect(lookalikeOf('bidv.com')).toMatchObject({ reason: 'other-suffix' });
    expect(lookalikeOf('vietcornbank.com')).toMatchObject({ reason: 'homoglyph' });
    expect(lookalikeOf('techcombamk.net')).toMatchObject({ reason: 'near-spelling' });
    expect(lookalikeOf('vnexpress.net')).toBeNull();
    expect(values(findBankLookalikes(findLinks('đăng nhập tại https://vietcombank.com.vn.xacminh.top/login')))).toEqual(['vietcombank.com.vn.xacminh.top']);
  });
  it('flags gambling sites by domain and by brand name', () => {
    const t = 'vào fb88.vip hoặc BONG88 nạp là có';
    expect(values(findGamblingSites(t, findLinks(t)))).toEqual(['fb88.vip', 'bong88']);
    expect(findGamblingSites('w880 là mã sản phẩm', [])).toEqual([]);
  });
});

describe('scanSignals', () => {
  it('keeps offsets inside the text and prefers bank account over CCCD for the same number', () => {
    const t = 'STK Vietcombank 079203001234, zalo 0912345678, mail a@b.vn';
    const s = scanSignals(t, NOW).signals;
    expect(s.map((x) => x.name)).toEqual(['bank-account', 'phone', 'email']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
});
