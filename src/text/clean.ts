/**
 * Character clean-up that every view shares: HTML entities, invisible and control characters,
 * look-alike Đ, full-width forms, exotic spaces, and NFC — with an offset map back to the input.
 */
import * as chars from './char-class.js';
import { MapBuilder, identity, type MappedText } from './mapped.js';

// Local copies: hot loops should not read through module bindings (a getter under some loaders).
const { SAFE, charClass } = chars;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì',
  iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì',
  Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
};
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/y;

// Characters that need work; if none occurs and the text is NFC, cleaning is the identity.
// The class lists control and combining ranges on purpose.
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[&\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u00ad\u00d0\u00f0\u0300-\u036f\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufe00-\ufe0f\uff01-\uff5e]/;

const NFC_CACHE = new Map<string, string>();

/** Replacement for one code point, or undefined to keep it. '' deletes it. */
function replacement(cp: number): string | undefined {
  if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d ? undefined : '';
  if (cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return '';
  if (cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000)
    return ' ';
  if (cp === 0x2028 || cp === 0x2029) return '\n';
  // Zero-width, bidi controls, soft hyphen, BOM: invisible, used to split words past filters.
  if (cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) || cp === 0xfeff)
    return '';
  if (cp === 0xd0) return 'Đ'; // Icelandic Ð (U+00D0) typed for Vietnamese Đ (U+0110)
  if (cp === 0xf0) return 'đ';
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0); // full-width ASCII
  return undefined;
}

/** Whether a code point is a combining mark that NFC may merge into the previous letter. */
function isCombining(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff);
}

/**
 * Cleans `input` and returns it in NFC with a map to input offsets. Emoji variation selectors and
 * ZWJ inside emoji sequences are kept (they belong to the emoji).
 */
export function cleanMapped(input: string): MappedText {
  if (allSafe(input) || (!NEEDS_WORK.test(input) && input.normalize('NFC') === input)) return identity(input);
  const out = new MapBuilder(input.length);
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x26 /* & */) {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(input);
      if (m !== null) {
        let rep: string | undefined;
        if (m[1] !== undefined || m[2] !== undefined) {
          const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] ?? '', 16);
          if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
            const ch = String.fromCodePoint(cp);
            const r = replacement(cp);
            rep = r ?? ch;
          }
        } else if (m[3] !== undefined) {
          rep = NAMED[m[3]];
        }
        if (rep !== undefined) {
          // An entity may decode to a combining mark; keep NFC by merging it into what came before.
          out.push(rep, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    // Variation selectors and ZWJ stay when they follow an emoji-ish symbol (outside BMP letters).
    if ((c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) && i > 0 && isEmojiContext(input, i)) {
      out.push(input[i] ?? '', i, i + 1);
      i++;
      continue;
    }
    const rep = c < 0x80 && c >= 0x20 && c !== 0x7f ? undefined : replacement(c);
    if (rep !== undefined) {
      out.push(rep, i, i + 1);
      i++;
      continue;
    }
    // A base character followed by combining marks is normalised as one cluster.
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n) {
      const d = input.charCodeAt(j);
      if (d >= 0xdc00 && d <= 0xdfff) j++;
    }
    while (j < n && isCombining(input.charCodeAt(j))) j++;
    const cluster = input.slice(i, j);
    if (j - i === 1 && c < 0x300) {
      out.push(cluster, i, j);
    } else {
      let norm = NFC_CACHE.get(cluster);
      if (norm === undefined) {
        norm = cluster.normalize('NFC');
        if (NFC_CACHE.size < 4096) NFC_CACHE.set(cluster, norm);
      }
      if (norm === cluster && j - i > 1) {
        for (let k = i; k < j; k++) out.push(input[k] ?? '', k, k + 1);
      } else {
        out.push(norm, i, j);
      }
    }
    i = j;
  }
  const built = out.finish();
  if (built.text.normalize('NFC') === built.text) return built;
  return renormalize(built);
}

// One pass over code units: nothing to clean and nothing NFC could change (emoji pairs allowed).
function allSafe(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 ? c === 0x26 || c === 0x7f : c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      if (!(d >= 0xdc00 && d <= 0xdfff) || cp < 0x1f000 || cp > 0x1faff) return false;
      i++;
    } else if ((charClass(c) & SAFE) === 0) return false;
  }
  return true;
}

/** Whether position `i` follows an emoji-ish symbol, where ZWJ and variation selectors belong. */
export function isEmojiContext(s: string, i: number): boolean {
  const prev = s.codePointAt(i - 1 >= 1 && s.charCodeAt(i - 1) >= 0xdc00 && s.charCodeAt(i - 1) <= 0xdfff ? i - 2 : i - 1) ?? 0;
  return prev >= 0x2000 && !(prev >= 0x3000 && prev <= 0xfaff);
}

// Rare inputs (entities decoding to marks, Hangul jamo...) can still leave non-NFC text: normalise
// per whitespace-delimited chunk, which is exact because NFC never composes across whitespace.
function renormalize(m: MappedText): MappedText {
  const out = new MapBuilder(m.text.length);
  const re = /\s*\S*/gy;
  let match: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < m.text.length && (match = re.exec(m.text)) !== null && match[0].length > 0) {
    const a = match.index;
    const b = a + match[0].length;
    const spanA = m.spans?.[2 * a] ?? a;
    const spanB = m.spans?.[2 * (b - 1) + 1] ?? b;
    out.push(match[0].normalize('NFC'), spanA, spanB);
  }
  return out.finish();
}
