/**
 * Matching keys for claim matching, on top of the text core's key: lower case, diacritic-free, teencode
 * expanded, offsets into the raw text. Everything goes through `claimKeyTokens`.
 */
import { foldDiacritics, keyTokens, type KeyToken as CoreKeyToken } from '../../text/index.js';

export interface KeyToken {
  key: string;
  /** Offsets into the raw text. */
  start: number;
  end: number;
  /** The raw syllable starts with a capital letter (used to spot names and places). */
  capital: boolean;
  /**
   * Diacritic signature of the raw syllable (its combining marks, sorted; 'đ' for đ), so "giá" and
   * "giả" can be told apart when a text has diacritics. Null for keys made by teencode expansion.
   */
  sig: string | null;
}

/** Sorted combining marks of a raw syllable: "hoà" and "hòa" give the same signature. */
export function diacriticSig(rawSyllable: string): string {
  const d = rawSyllable.toLowerCase().includes('đ') ? 'đ' : '';
  const marks = [...rawSyllable.normalize('NFD')].filter((c) => COMBINING.test(c)).sort().join('');
  return d + marks;
}

// Teencode and chat abbreviations that change matching; values may be several syllables.
// Ambiguous forms ("ck" = chồng / chuyển khoản) are left alone rather than guessed.
const TEENCODE: Record<string, string> = {
  khum: 'khong', hk: 'khong', kp: 'khong phai', dx: 'duoc',
  vs: 'voi', r: 'roi', j: 'gi', z: 'vay', zay: 'vay', dzay: 'vay',
  mn: 'moi nguoi', mng: 'moi nguoi', ng: 'nguoi', nguoj: 'nguoi', ngta: 'nguoi ta',
  bn: 'bao nhieu', bnh: 'bao nhieu', cx: 'cung', cg: 'cung', ms: 'moi', lm: 'lam', ns: 'noi',
  dt: 'dien thoai', dth: 'dien thoai', sdt: 'so dien thoai', tk: 'tai khoan', stk: 'so tai khoan',
  tp: 'thanh pho', hcm: 'tphcm', tphcm: 'thanh pho ho chi minh', sg: 'sai gon', hn: 'ha noi',
  bv: 'benh vien', bs: 'bac si', cq: 'co quan', cs: 'canh sat', csgt: 'canh sat giao thong',
  nd: 'nghi dinh', tt: 'thong tu', qd: 'quyet dinh', vn: 'viet nam', bhxh: 'bao hiem xa hoi', bhyt: 'bao hiem y te',
  nc: 'nuoc', trc: 'truoc', ntn: 'nhu the nao', nhma: 'nhung ma', cp: 'chinh phu', nma: 'nhung ma', tr: 'trieu', ty: 'ty',
  vk: 'vo', ox: 'chong', bme: 'bo me', bm: 'bo me', hs: 'hoc sinh', sv: 'sinh vien', gv: 'giao vien',
  ae: 'anh em', mk: 'minh', mik: 'minh', mjk: 'minh',
  thik: 'thich', iu: 'yeu', bik: 'biet', wa: 'qua', qa: 'qua',
  nhiu: 'nhieu', oy: 'roi', dag: 'dang', dg: 'dang',
  j2: 'gi', jo: 'gio', h: 'gio', ntin: 'nhan tin', nt: 'nhan tin', ib: 'nhan tin', cmt: 'binh luan',
  // Institutions and documents that news rumours name by their initials.
  ubnd: 'uy ban nhan dan', thpt: 'trung hoc pho thong', thcs: 'trung hoc co so', dh: 'dai hoc',
  cccd: 'can cuoc cong dan', nld: 'nguoi lao dong', xn: 'xet nghiem', kq: 'ket qua', tn: 'tin nhan',
  // English loanwords kept as written: the teencode swap f→ph would make "fake" a word no cue list knows.
  fake: 'fake', free: 'free', fb: 'facebook', face: 'facebook', facebook: 'facebook', fan: 'fan', fanpage: 'fanpage',
  file: 'file', form: 'form', follow: 'follow', fix: 'fix', phake: 'fake',
  // Chat forms of common words.
  bjo: 'bay gio', nx: 'nua', tgian: 'thoi gian', vde: 'van de',
};

/** Abbreviations that expand to a place name (its syllables are names, whatever the case). */
const PLACE_ABBREVIATIONS: ReadonlySet<string> = new Set(['hn', 'hcm', 'tphcm', 'sg', 'vn']);

// Letter swaps used in teencode (ck→ch, nk→nh, ...); applied only when the token is not already a word.
const SWAPS: ReadonlyArray<[RegExp, string]> = [
  [/ck/g, 'ch'],
  [/nk$/g, 'nh'],
  [/pk/g, 'ph'],
  [/gk/g, 'gh'],
  [/^f/g, 'ph'],
  [/^w/g, 'qu'],
  [/^j/g, 'gi'],
  [/^dz/g, 'd'],
  [/^z/g, 'd'],
];

const COMBINING = /[\u0300-\u036f]/;

/**
 * Key tokens of raw text with offsets into it: "Ko phải tin giả" → khong, phai, tin, gia.
 * Built on the text core's `keyTokens` (encodings, teencode, obfuscation), plus a few abbreviations
 * that matter for claims (bv, hcm, sdt...).
 */
export function claimKeyTokens(raw: string, core: readonly CoreKeyToken[] = keyTokens(raw)): KeyToken[] {
  const out: KeyToken[] = [];
  for (const t of core) {
    const surface = raw.slice(t.start, t.end);
    const first = surface.charAt(0);
    // Place abbreviations name a place even in lower case ("hn" = Hà Nội).
    const capital = first !== first.toLowerCase() || (t.key.length <= 5 && PLACE_ABBREVIATIONS.has(t.key));
    const { keys, sig } = surfaceInfo(surface, t.key);
    for (const k of keys) out.push({ key: k, start: t.start, end: t.end, capital, sig });
  }
  return out;
}

// Folding and signatures cost Unicode normalisation; syllables repeat a lot, so results are memoised.
// Keyed by the surface alone (no key string to build per token); the core key is checked on a hit.
const memo = new Map<string, { coreKey: string; info: { keys: string[]; sig: string | null } }>();

function surfaceInfo(surface: string, coreKey: string): { keys: string[]; sig: string | null } {
  const hit = memo.get(surface);
  if (hit !== undefined && hit.coreKey === coreKey) return hit.info;
  const key = /^\d/.test(coreKey) ? foldDiacritics(coreKey) : coreKey;
  // The core squeezes repeated letters; an abbreviation spelt with them ("cccd") is looked up as written.
  const asWritten = TEENCODE[foldDiacritics(surface).toLowerCase()];
  const keys = /^\d/.test(key) ? [key] : asWritten !== undefined && coreKey.length <= surface.length ? asWritten.split(' ') : expandKey(key);
  const plain = keys.length === 1 && keys[0] === foldDiacritics(surface).toLowerCase();
  const info = { keys, sig: plain ? diacriticSig(surface) : null };
  if (memo.size > 50_000) memo.clear();
  memo.set(surface, { coreKey, info });
  return info;
}

/** One folded token → one or more normalised keys (teencode expanded, repeats squeezed). */
function expandKey(token: string): string[] {
  if (/^[0-9]/.test(token)) return [token];
  let t = token.replace(/([a-z])\1{2,}/g, '$1');
  const direct = TEENCODE[t];
  if (direct !== undefined) return direct.split(' ');
  if (!isPlausibleSyllable(t)) {
    for (const [re, rep] of SWAPS) t = t.replace(re, rep);
    const again = TEENCODE[t];
    if (again !== undefined) return again.split(' ');
  }
  return [t];
}

// Folded Vietnamese syllables: optional onset, vowel nucleus, optional coda. Used only to decide
// whether a teencode letter swap should be tried.
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(uye|uya|ieu|yeu|uoi|uou|oai|oay|uay|oeo|ia|ua|ie|ye|uo|oa|oe|uy|ue|ai|ao|au|ay|eo|eu|iu|oi|ui|[aeiouy])(ch|ng|nh|[cmnpt]|[iouy])?$/;

export function isPlausibleSyllable(t: string): boolean {
  return SYLLABLE.test(t);
}

/** Split raw text into sentence spans (on . ! ? … ; and line breaks), with offsets. */
export function sentenceSpans(raw: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /[^.!?…;\n]+[.!?…;]*/g;
  for (const m of raw.matchAll(re)) {
    const text = m[0];
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed.length === 0) continue;
    // A dot between digits ("1.000.000") or after a single letter ("TP.") does not end a sentence.
    const start = m.index + lead;
    spans.push({ start, end: start + trimmed.length });
  }
  return mergeFalseBreaks(raw, spans);
}

function mergeFalseBreaks(
  raw: string,
  spans: Array<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const before = raw.slice(Math.max(0, prev.end - 4), prev.end);
      const gap = raw.slice(prev.end, s.start);
      const digitDot = /\d[.,]$/.test(before) && /^\d/.test(raw.slice(s.start, s.start + 1)) && gap === '';
      // "TP.", "Q." (capitals), or a short word before a lower-case continuation ("tp. hcm"); not "rẻ. Giờ".
      const short = /(^|[^\p{L}\p{N}])(\p{L}{1,2})\.$/u.exec(before);
      const abbrev = short !== null && !gap.includes('\n') && (short[2] === short[2]?.toUpperCase() || !/^\p{Lu}/u.test(raw.slice(s.start, s.start + 1)));
      if (digitDot || abbrev) {
        prev.end = s.end;
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}
