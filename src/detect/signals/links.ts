/**
 * Links in text and the scam indicators read from them: shortened links, look-alike domains of
 * Vietnamese banks, gambling sites (by domain or by a known brand named in the text).
 */
import { BANKS } from './banks.js';
import type { Signal } from './types.js';

/** One link as written; `host` is lower case without "www."; `url` drops the scheme (for prefix rules). */
export interface Link {
  start: number;
  end: number;
  text: string;
  host: string;
  url: string;
}

// Top-level domains accepted for links written without a scheme ("bit.ly/x", "fb88.vip"); with
// http(s):// or www. any host counts. A closed list keeps "tp.hcm" or "v.v" from being links.
const TLDS = new Set(
  'com net org info biz xyz top site online club shop store app link live vip bet win fun pro asia io me co ly gy at id to gd cc ws tv vn us uk in ru cn tk ml ga cf gq cx sh gl su mobi icu cyou sbs cfd click today life world one best cloud website space tech gov edu int'.split(' '),
);
const SCHEME_LINK = /(?:https?:\/\/|www\.)[^\s<>"'“”]+/gi;
const WORDISH = /[\p{L}\p{N}]/u;
const isHostChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
const isPathStop = (ch: string): boolean => /[\s<>"'“”]/.test(ch);

const TRAIL_CHARS = new Set([...'.,;:!?)]}>\'"…'].map((c) => c.charCodeAt(0)));

/** Whether `s` starts with the lower-case ASCII `prefix`, ignoring case. */
function startsWithCI(s: string, prefix: string): boolean {
  if (s.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = s.charCodeAt(i);
    const p = prefix.charCodeAt(i);
    // As /i without the u flag: ASCII letters match their upper case, nothing else changes.
    if (c !== p && !(p >= 0x61 && p <= 0x7a && c === p - 0x20)) return false;
  }
  return true;
}

// The same as stripping TRAIL, "https?://", "www." and reading the host up to /?#: with regular
// expressions, in charCode loops (links are in many comments).
function pushLink(out: Link[], text: string, start: number, written: string): void {
  let end = written.length;
  while (end > 0 && TRAIL_CHARS.has(written.charCodeAt(end - 1))) end--;
  if (end === 0) return;
  const w = end === written.length ? written : written.slice(0, end);
  let from = startsWithCI(w, 'https://') ? 8 : startsWithCI(w, 'http://') ? 7 : 0;
  if (startsWithCI(from === 0 ? w : w.slice(from), 'www.')) from += 4;
  const url = from === 0 ? w : w.slice(from);
  let h = 0;
  let slash = -1;
  for (; h < url.length; h++) {
    const c = url.charCodeAt(h);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x3a) break;
  }
  for (let i = 0; i < url.length; i++) {
    if (url.charCodeAt(i) === 0x2f) {
      slash = i;
      break;
    }
  }
  let host = url.slice(0, h).toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host.includes('.')) return;
  const lowered = slash === 0 ? url : slash < 0 ? url.toLowerCase() : url.slice(0, slash).toLowerCase() + url.slice(slash);
  out.push({ start, end: start + w.length, text: w, host, url: lowered });
}

/**
 * Every link in the text, in order. Bare hosts are found from their dots (linear in the text), so a
 * long text without links costs one scan.
 */
export function findLinks(text: string): Link[] {
  if (!text.includes('.')) return [];
  const out: Link[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(SCHEME_LINK)) {
    const start = m.index ?? 0;
    const prev = text.charAt(start - 1);
    if (start > 0 && m[0].charAt(0).toLowerCase() === 'w' && (WORDISH.test(prev) || '@._-'.includes(prev))) continue;
    pushLink(out, text, start, m[0]);
    taken.push([start, start + m[0].length]);
  }
  let t = 0;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    while (t < taken.length && (taken[t] as [number, number])[1] <= i) t++;
    const tk = taken[t];
    if (tk !== undefined && tk[0] <= i) {
      i = tk[1] - 1;
      continue;
    }
    let a = i;
    while (a > 0 && isHostChar(text.charCodeAt(a - 1))) a--;
    if (a === i) continue;
    const before = text.charAt(a - 1);
    if (a > 0 && (WORDISH.test(before) || '@_/'.includes(before))) {
      i = skipHost(text, i);
      continue;
    }
    let b = i + 1;
    while (b < text.length && isHostChar(text.charCodeAt(b))) b++;
    let hostEnd = b;
    while (hostEnd > i && (text.charAt(hostEnd - 1) === '.' || text.charAt(hostEnd - 1) === '-')) hostEnd--;
    const host = text.slice(a, hostEnd);
    const labels = host.split('.');
    const tld = (labels[labels.length - 1] ?? '').toLowerCase();
    const after = text.charAt(hostEnd);
    if (labels.length < 2 || labels.some((l) => l === '' || l.startsWith('-') || l.endsWith('-')) || !TLDS.has(tld) || (hostEnd === b && after !== '' && WORDISH.test(after))) {
      i = b - 1;
      continue;
    }
    let end = hostEnd;
    const port = /^:\d{2,5}/.exec(text.slice(end, end + 6));
    if (port) end += port[0].length;
    if (text.charAt(end) === '/') while (end < text.length && !isPathStop(text.charAt(end))) end++;
    pushLink(out, text, a, text.slice(a, end));
    i = Math.max(i, end - 1);
  }
  return out.sort((x, y) => x.start - y.start);
}

function skipHost(text: string, i: number): number {
  let b = i + 1;
  while (b < text.length && isHostChar(text.charCodeAt(b))) b++;
  return b - 1;
}

/** Link shorteners that hide where a link goes. */
export const SHORTENERS: readonly string[] = [
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 's.id', 'cutt.ly', 'shorturl.at', 'rb.gy', 'is.gd', 'v.gd', 'ow.ly',
  'goo.gl', 't.ly', 'tiny.cc', 'rebrand.ly', 'bl.ink', 'shorte.st', 'lnkd.in', 'buff.ly', 'tr.im', 'x.co', 'shorturl.asia',
  'urlz.fr', 'u.to', 'clck.ru', 'tinyurl.vn', 'bom.so', 'bom.to',
];
const SHORT = new Set(SHORTENERS);

/** Known gambling brands seen in Vietnamese ads; matched as a domain label or as a word in text. */
export const GAMBLING_BRANDS: readonly string[] = [
  'bong88', 'fb88', 'w88', '789bet', '188bet', 'm88', 'fun88', '12bet', '8xbet', 'jun88', 'kubet', 'ku11', 'new88', 'shbet',
  'hi88', 'f8bet', 'mu88', 'okvip', '33win', '78win', 'j88', 'five88', 'vn88', 'cmd368', 'sbobet', '1xbet', 'oxbet', 'go88',
  'sunwin', 'rikvip', 'hitclub', 'iwin', 'b52club', 'debet', 'sv388', 'ae888', 'kubet88', 'hb88', 'qh88', 'v9bet', 'lucky88',
];
const GAMBLING = new Set(GAMBLING_BRANDS);
const LONG_BRANDS = GAMBLING_BRANDS.filter((b) => b.length >= 5);
const MAX_BRAND_LENGTH = Math.max(...GAMBLING_BRANDS.map((b) => b.length));
const isAsciiAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

const isUnder = (host: string, domain: string): boolean => host === domain || host.endsWith('.' + domain);

// Hosts repeat across comments (a campaign's link): the brand found for each is kept, bounded.
const BRAND_CACHE = new Map<string, string | undefined>();
function gamblingBrandOf(host: string): string | undefined {
  if (BRAND_CACHE.has(host)) return BRAND_CACHE.get(host);
  const brand = host.split(/[.-]/).find((label) => GAMBLING.has(label) || LONG_BRANDS.some((b) => label.startsWith(b)));
  if (BRAND_CACHE.size < 10_000) BRAND_CACHE.set(host, brand);
  return brand;
}

/** Shortened links. */
export function findShortLinks(links: readonly Link[]): Signal[] {
  return links
    .filter((l) => SHORT.has(l.host))
    .map((l) => ({ name: 'short-link' as const, start: l.start, end: l.end, text: l.text, value: l.host, detail: { host: l.host } }));
}

/** Gambling sites: a link whose domain carries a known brand, or the brand named in the text. */
export function findGamblingSites(text: string, links: readonly Link[]): Signal[] {
  const out: Signal[] = [];
  for (const l of links) {
    const brand = gamblingBrandOf(l.host);
    if (brand !== undefined) out.push({ name: 'gambling-site', start: l.start, end: l.end, text: l.text, value: l.host, detail: { brand } });
  }
  // Brands are ASCII letters and digits: walk maximal ASCII alphanumeric runs (what /[a-z0-9]{3,}/gi
  // yields) with charCodes, and look only at runs as long as some brand.
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
    const end = i;
    const len = end - start;
    if (len < 3 || len > MAX_BRAND_LENGTH) continue;
    const written = text.slice(start, end);
    const word = written.toLowerCase();
    if (!GAMBLING.has(word)) continue;
    if (WORDISH.test(text.charAt(start - 1)) || WORDISH.test(text.charAt(end))) continue;
    if (out.some((s) => s.start <= start && s.end >= end)) continue;
    out.push({ name: 'gambling-site', start, end, text: written, value: word, detail: { brand: word } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

// Letters swapped for look-alikes in phishing domains: "vietcornbank", "vletc0mbank".
const unconfuse = (s: string): string => s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/[1l|]/g, 'i');

/**
 * Hosts that imitate a Vietnamese bank without being one of its real domains: the brand with added
 * words ("vietcombank-hotro.com", "hotrovietcombank.top"), the brand under another suffix
 * ("bidv.com"), or a near spelling ("vietcornbank.com", edit distance ≤ 2 after look-alike letters).
 */
export function findBankLookalikes(links: readonly Link[]): Signal[] {
  const out: Signal[] = [];
  for (const l of links) {
    const bank = lookalikeOf(l.host);
    if (bank === null) continue;
    out.push({ name: 'bank-lookalike', start: l.start, end: l.end, text: l.text, value: l.host, detail: { bank: bank.bank, realDomain: bank.domain, reason: bank.reason } });
  }
  return out;
}

/** Which bank a host imitates and how, or null (also null for the bank's own domains). */
export function lookalikeOf(host: string): { bank: string; domain: string; reason: string } | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  const hit = LOOKALIKE_CACHE.get(h);
  if (hit !== undefined) return hit;
  const r = computeLookalike(h);
  if (LOOKALIKE_CACHE.size < 10_000) LOOKALIKE_CACHE.set(h, r);
  return r;
}

// Hosts repeat across comments (the same campaign link), and the fuzzy comparison is the costly part.
const LOOKALIKE_CACHE = new Map<string, { bank: string; domain: string; reason: string } | null>();

function computeLookalike(h: string): { bank: string; domain: string; reason: string } | null {
  if (BANKS.some((b) => b.domains.some((d) => isUnder(h, d)))) return null;
  const labels = h.split('.');
  const words = labels.flatMap((l) => l.split('-'));
  for (const b of BANKS) {
    const real = b.domains[0] ?? b.brand;
    if (words.includes(b.brand)) return { bank: b.name, domain: real, reason: labels.includes(b.brand) ? 'other-suffix' : 'added-words' };
    if (b.brand.length >= 6 && labels.some((l) => l.includes(b.brand))) return { bank: b.name, domain: real, reason: 'added-words' };
  }
  for (const b of BANKS) {
    if (b.brand.length < 6) continue;
    const max = b.brand.length >= 9 ? 2 : 1;
    for (const w of words) {
      if (w.length < 5) continue;
      const d = editDistance(unconfuse(w), unconfuse(b.brand), max);
      if (d <= max) return { bank: b.name, domain: b.domains[0] ?? b.brand, reason: unconfuse(w) === unconfuse(b.brand) ? 'homoglyph' : 'near-spelling' };
    }
  }
  return null;
}
