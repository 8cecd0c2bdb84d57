/**
 * Personal-data signals: Vietnamese phone numbers, 12-digit citizen IDs (CCCD), bank account numbers
 * next to a bank name or "STK", e-mail addresses. Pure functions over raw text, offsets into it.
 */
import { BANKS } from './banks.js';
import { CCCD_PROVINCES } from './provinces.js';
import type { Signal } from './types.js';

const digits = (s: string): string => s.replace(/\D/g, '');

/** "+84 912.345.678" → "0912345678". */
export function nationalNumber(written: string): string {
  const d = digits(written);
  if (written.trimStart().startsWith('+84') || d.startsWith('0084')) return '0' + d.slice(d.startsWith('0084') ? 4 : 2);
  if (d.startsWith('84') && (d.length === 11 || d.length === 12)) return '0' + d.slice(2);
  return d;
}

// Mobile prefixes after the 2018 renumbering: 03x (Viettel), 05x (Vietnamobile, Gmobile, Reddi), 07x
// (MobiFone), 08x, 09x. Landlines are 02 + area code, 11 digits.
const MOBILE = /(?<![\d+])(?:\+84|0084|84|0)[ .-]?(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)(?:[ .-]?\d){7}(?![\d])/g;
const LANDLINE = /(?<![\d+])(?:\+84|0084|84|0)[ .-]?2\d(?:[ .-]?\d){8}(?![\d])/g;

/** Vietnamese mobile numbers (and landlines when `landlines`); never a piece of a longer digit run. */
export function findPhones(text: string, landlines = true): Signal[] {
  const out: Signal[] = [];
  for (const m of text.matchAll(MOBILE)) out.push(phoneSignal(m, 'mobile'));
  if (landlines) for (const m of text.matchAll(LANDLINE)) out.push(phoneSignal(m, 'landline'));
  return out.sort((a, b) => a.start - b.start);
}

function phoneSignal(m: RegExpMatchArray, kind: string): Signal {
  const start = m.index ?? 0;
  return { name: 'phone', start, end: start + m[0].length, text: m[0], value: nationalNumber(m[0]), detail: { kind } };
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

const TWELVE = /(?<![\d])\d(?:[ .-]?\d){11}(?![\d])/g;

/**
 * Checks one 12-digit number as a CCCD: province code from the real list, the 4th digit's century
 * (0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 1800s; even = male, odd = female) and a
 * birth year neither after `now` nor more than 120 years before it. Returns what it decodes, or null.
 */
export function decodeCccd(value: string, now: Date): { province: string; sex: 'male' | 'female'; birthYear: number } | null {
  if (!/^\d{12}$/.test(value)) return null;
  const province = CCCD_PROVINCES[value.slice(0, 3)];
  if (province === undefined) return null;
  const g = Number(value[3]);
  const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800][g] ?? 1900;
  const birthYear = century + Number(value.slice(4, 6));
  const year = now.getUTCFullYear();
  if (birthYear > year || birthYear < year - 120) return null;
  return { province, sex: g % 2 === 0 ? 'male' : 'female', birthYear };
}

/** 12-digit citizen ID numbers that pass the province and century checks. */
export function findCccds(text: string, now: Date): Signal[] {
  const out: Signal[] = [];
  if (countDigits(text) < 12) return out;
  for (const m of text.matchAll(TWELVE)) {
    const value = digits(m[0]);
    // Grouped writing must look like an ID (3-3-6, 4-4-4, 3-3-3-3 or none), not a phone + something.
    const groups = m[0].split(/[ .-]/).map((g) => g.length).join('-');
    if (!['12', '3-3-6', '4-4-4', '3-3-3-3', '3-9', '6-6'].includes(groups)) continue;
    const d = decodeCccd(value, now);
    if (d === null) continue;
    const start = m.index ?? 0;
    out.push({ name: 'cccd', start, end: start + m[0].length, text: m[0], value, detail: { province: d.province, sex: d.sex, birthYear: d.birthYear } });
  }
  return out;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,24}(?![\p{L}\p{N}])/gu;

/** E-mail addresses. */
export function findEmails(text: string): Signal[] {
  const out: Signal[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    out.push({ name: 'email', start, end: start + m[0].length, text: m[0], value: m[0].toLowerCase() });
  }
  return out;
}

const FOLD_UNIT = new Map<number, string>();

function foldUnit(c: number): string {
  let f = FOLD_UNIT.get(c);
  if (f === undefined) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const base = lower.normalize('NFD').charAt(0);
    if (ch === 'đ' || ch === 'Đ' || ch === 'ð' || ch === 'Ð') f = 'd';
    else if (base.length === 1 && base.charCodeAt(0) < 0x80) f = base;
    else f = lower.length === 1 ? lower : ch;
    FOLD_UNIT.set(c, f);
  }
  return f;
}

// foldUnit's one unit per code unit, filled on first sight (0: not yet; no unit folds to U+0000).
const FOLD_CODE = new Uint16Array(0x10000);
let foldBuf = new Uint16Array(256);
const FOLD_CHUNK = 4096;

/** Lower case without diacritics, one output unit per input unit (so offsets stay valid). */
export function foldSameLength(text: string): string {
  const n = text.length;
  // Units into a reused buffer, then strings of whole chunks: no string per character.
  if (foldBuf.length < n) foldBuf = new Uint16Array(Math.max(n, 2 * foldBuf.length));
  const buf = foldBuf;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    buf[i] = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : (FOLD_CODE[c] || (FOLD_CODE[c] = foldUnit(c).charCodeAt(0)));
  }
  if (n <= FOLD_CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += FOLD_CHUNK) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + FOLD_CHUNK)) as unknown as number[]);
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BANK_WORDS = [
  'stk',
  'so tk',
  'so tai khoan',
  'tai khoan',
  'tk',
  'ngan hang',
  'chuyen khoan',
  'ck',
  'account',
  ...BANKS.flatMap((b) => [b.brand, ...b.aliases]),
];
const BANK_CUE = new RegExp(`(?<![a-z0-9])(?:${[...new Set(BANK_WORDS)].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![a-z0-9])`, 'g');
const ACCOUNT = /(?<![\d])\d(?:[ .-]?\d){5,18}(?![\d])/g;
const SIX_DIGITS = /\d(?:[ .-]?\d){5}/;
const AFTER = 40;
const BEFORE = 20;

function firstCue(cues: ReadonlyArray<{ start: number }>, from: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bank account numbers (6–19 digits) within a few words of a bank name, "STK" or "số tài khoản".
 * `folded`: foldSameLength(text) when the caller keeps it (the shared document analysis does).
 */
export function findBankAccounts(text: string, folded?: () => string): Signal[] {
  if (!SIX_DIGITS.test(text)) return [];
  const numbers = [...text.matchAll(ACCOUNT)];
  if (numbers.length === 0) return [];
  // Fold only the text around numbers: most of a long text is never near one.
  const cues: Array<{ start: number; end: number; word: string }> = [];
  const whole = folded?.();
  let from = 0;
  for (const m of numbers) {
    const a = Math.max(from, (m.index ?? 0) - AFTER - 32);
    const b = Math.min(text.length, (m.index ?? 0) + m[0].length + BEFORE + 32);
    if (b <= a) continue;
    // Start the window at a word boundary so a cue is never cut in half.
    let ws = a;
    while (ws > from && /[\p{L}\p{N}]/u.test(text.charAt(ws - 1))) ws--;
    for (const c of (whole !== undefined ? whole.slice(ws, b) : foldSameLength(text.slice(ws, b))).matchAll(BANK_CUE)) cues.push({ start: ws + (c.index ?? 0), end: ws + (c.index ?? 0) + c[0].length, word: c[0] });
    from = b;
  }
  if (cues.length === 0) return [];
  const out: Signal[] = [];
  for (const m of numbers) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const value = digits(m[0]);
    if (value.length < 6 || value.length > 19) continue;
    // Amounts ("500.000", "1,5tr") are not accounts: dot groups of exactly three digits are money.
    if (/^\d{1,3}(?:\.\d{3})+$/.test(m[0])) continue;
    // A cue claims only the nearest number: no other digits between them.
    // Cues are sorted: start from the first one that can still be close enough.
    const near: typeof cues = [];
    for (let k = firstCue(cues, start - AFTER - 32); k < cues.length; k++) {
      const c = cues[k] as (typeof cues)[number];
      if (c.start > end + BEFORE) break;
      if ((c.end <= start && start - c.end <= AFTER && !/\d/.test(text.slice(c.end, start))) || (c.start >= end && c.start - end <= BEFORE && !/\d/.test(text.slice(end, c.start)))) near.push(c);
    }
    const bankOf = (w: string) => BANKS.find((b) => b.brand === w.replace(/ /g, '') || b.aliases.includes(w));
    const cue = near.find((c) => bankOf(c.word) !== undefined) ?? near[0];
    if (cue === undefined) continue;
    const bank = bankOf(cue.word);
    out.push({ name: 'bank-account', start, end, text: m[0], value, detail: bank ? { bank: bank.name, cue: cue.word } : { cue: cue.word } });
  }
  return out;
}
