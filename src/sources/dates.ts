/**
 * Dates as Vietnamese sites write them. Pure: no clock; relative dates ("2 giờ trước") need `now`.
 * Without an explicit zone, times are Vietnam local time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 */

export interface DateParseOptions {
  /** Reference time for relative dates ("3 giờ trước", "hôm qua"). Without it they give null. */
  now?: Date;
  /** Offset from UTC, in minutes, when the text names none. Default 420 (UTC+7). */
  defaultOffsetMinutes?: number;
}

const VN_OFFSET = 7 * 60;

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const RFC822_ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ict: 420,
};

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): Date | null {
  if (y < 100) y += 2000;
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 60) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMin * 60_000);
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number.parseInt(s, 10);
}

/** "+07:00", "+0700", "+7", "-05" → minutes. */
function offsetOf(sign: string, hh: string, mm: string | undefined): number {
  const minutes = num(hh) * 60 + num(mm);
  return sign === '-' ? -minutes : minutes;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;

const RFC822 =
  /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3,4})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,4}|[+-]\d{4})?$/;

/** An explicit zone anywhere in the text: "(GMT+7)", "UTC+07:00", "GMT". */
const ZONE = /\b(?:gmt|utc)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?/;

const TIME = /(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*(?::|phút)\s*(\d{2}))?(?:\s*(sa|ch|am|pm|sáng|chiều|tối|trưa)\b)?/;

const DATE_PATTERNS: { re: RegExp; order: 'dmy' | 'mdy' | 'ymd' }[] = [
  // "12 tháng 6, 2021", "ngày 12 tháng 06 năm 2021", "12 Tháng Sáu 2021" is not used by Blogger; numbers only.
  { re: /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)?\s*(\d{4})/, order: 'dmy' },
  // Blogger's newer themes: "tháng 6 12, 2021".
  { re: /tháng\s+(\d{1,2})\s+(\d{1,2})\s*,\s*(\d{4})/, order: 'mdy' },
  { re: /(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})/, order: 'ymd' },
  { re: /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/, order: 'dmy' },
];

const RELATIVE_UNITS: [RegExp, number][] = [
  [/^giây$/, 1000],
  [/^phút$/, 60_000],
  [/^(giờ|tiếng)$/, 3_600_000],
  [/^ngày$/, 86_400_000],
  [/^tuần$/, 7 * 86_400_000],
];

/**
 * Parses a date as written on Vietnamese pages, feeds and APIs.
 *
 * Accepts ISO 8601, RFC 822, "lúc 8:04 12 tháng 6, 2021", "12 tháng 6, 2021 lúc 08:04",
 * "Thứ bảy, 12/6/2021, 08:04 (GMT+7)", "12/06/2021 08:04", "08:04 - 12/06/2021", "12-06-2021",
 * "tháng 6 12, 2021", and with `now`: "5 phút trước", "2 giờ trước", "hôm qua lúc 08:04", "vừa xong".
 * Returns null when the text is not a date.
 * @example parseVietnameseDate('12/06/2021 08:04')?.toISOString() // '2021-06-12T01:04:00.000Z'
 */
export function parseVietnameseDate(input: string, options: DateParseOptions = {}): Date | null {
  const defOffset = options.defaultOffsetMinutes ?? VN_OFFSET;
  const text = input.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 200) return null;

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    let off = defOffset;
    if (zone === 'z') off = 0;
    else if (zone) {
      const z = /([+-])(\d{2}):?(\d{2})?/.exec(zone);
      if (z) off = offsetOf(z[1] ?? '+', z[2] ?? '0', z[3]);
    }
    return build(num(y), num(mo), num(d), num(h), num(mi), num(s), off);
  }

  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d, monName, y, h, mi, s, zone] = rfc;
    const mo = EN_MONTHS[monName ?? ''];
    if (mo !== undefined) {
      let off = 0;
      if (zone === undefined) off = defOffset;
      else if (/^[+-]\d{4}$/.test(zone)) off = offsetOf(zone[0] ?? '+', zone.slice(1, 3), zone.slice(3));
      else off = RFC822_ZONES[zone] ?? 0;
      return build(num(y), mo, num(d), num(h), num(mi), num(s), off);
    }
  }

  const relative = parseRelative(text, options.now, defOffset);
  if (relative !== undefined) return relative;

  return parseFreeForm(text, defOffset);
}

function parseRelative(text: string, now: Date | undefined, offset: number): Date | null | undefined {
  if (/^(vừa xong|vừa mới|mới đây|just now)$/.test(text)) return now ? new Date(now.getTime()) : null;
  const ago = /^(\d+)\s+(giây|phút|giờ|tiếng|ngày|tuần)\s+trước$/.exec(text);
  if (ago) {
    if (!now) return null;
    const unit = RELATIVE_UNITS.find(([re]) => re.test(ago[2] ?? ''));
    return unit ? new Date(now.getTime() - num(ago[1]) * unit[1]) : null;
  }
  const day = /^(hôm nay|hôm qua|hôm kia)(?:,?\s*(?:lúc\s*)?(.*))?$/.exec(text);
  if (day) {
    if (!now) return null;
    const back = day[1] === 'hôm nay' ? 0 : day[1] === 'hôm qua' ? 1 : 2;
    const local = new Date(now.getTime() + offset * 60_000 - back * 86_400_000);
    const t = TIME.exec(day[2] ?? '');
    const [h, mi] = t ? to24(num(t[1]), num(t[2]), t[4]) : [0, 0];
    return build(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), h, mi, num(t?.[3]), offset);
  }
  return undefined;
}

function to24(h: number, mi: number, marker: string | undefined): [number, number] {
  if (marker === undefined) return [h, mi];
  const pm = marker === 'ch' || marker === 'pm' || marker === 'chiều' || marker === 'tối';
  if (pm && h < 12) return [h + 12, mi];
  if (!pm && marker !== 'trưa' && h === 12) return [0, mi];
  return [h, mi];
}

function parseFreeForm(text: string, defOffset: number): Date | null {
  let rest = text;
  let off = defOffset;
  const zone = ZONE.exec(rest);
  if (zone) {
    off = zone[1] ? offsetOf(zone[1], zone[2] ?? '0', zone[3]) : 0;
    rest = rest.slice(0, zone.index) + ' ' + rest.slice(zone.index + zone[0].length);
  }
  let ymd: [number, number, number] | null = null;
  for (const { re, order } of DATE_PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const a = num(m[1]);
    const b = num(m[2]);
    const c = num(m[3]);
    ymd = order === 'dmy' ? [c, b, a] : order === 'mdy' ? [c, a, b] : [a, b, c];
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    break;
  }
  if (!ymd) return null;
  const t = TIME.exec(rest);
  const [h, mi] = t ? to24(num(t[1]), num(t[2]), t[4]) : [0, 0];
  return build(ymd[0], ymd[1], ymd[2], h, mi, num(t?.[3]), off);
}
