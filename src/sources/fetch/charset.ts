import iconv from 'iconv-lite';
import { AppError } from '../../core/errors.js';

/**
 * Turning response bytes into Unicode text. Pure: bytes and a Content-Type header in, NFC text out.
 *
 * Order of evidence: byte order mark, then the Content-Type charset, then `<meta charset>` /
 * `<meta http-equiv>` in the first 4 KB, then the XML declaration, then UTF-8 when the bytes are
 * valid UTF-8, else windows-1258 (the Vietnamese Windows code page, the likeliest legacy encoding here).
 * The BOM goes first, as in the WHATWG encoding standard and every browser: a file that starts with a
 * BOM was saved in that encoding, whatever a server's default header claims.
 */

export interface DecodedBody {
  /** The body as Unicode NFC. */
  text: string;
  /** Canonical name of the encoding used, e.g. "utf-8", "windows-1258". */
  charset: string;
}

const PRESCAN_BYTES = 4096;
const LATIN1 = new TextDecoder('latin1');

/** Decodes a response body: charset from BOM, header, meta, XML declaration, UTF-8 validity, windows-1258. */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bom.charset, bytes.subarray(bom.length)), charset: bom.charset };

  const declared =
    charsetFromContentType(contentType) ?? charsetFromMeta(bytes) ?? charsetFromXmlDeclaration(bytes);
  if (declared !== null) {
    const canonical = canonicalCharset(declared);
    if (canonical !== null) return { text: decodeWith(canonical, bytes), charset: canonical };
    // An unknown label over bytes that are valid UTF-8 is most often a typo for UTF-8 ("utf8mb4", "UTF-8;").
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
    throw new AppError(
      'DECODE_UNKNOWN_CHARSET',
      `Unknown character set "${declared}" and the body is not valid UTF-8`,
      { details: { charset: declared } },
    );
  }

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  return { text: decodeWith('windows-1258', bytes), charset: 'windows-1258' };
}

/** The `charset` parameter of a Content-Type header, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/**
 * Maps a charset label to the canonical name of a decoder that exists here (WHATWG labels through
 * TextDecoder, the rest through iconv-lite), or null when neither knows it.
 */
export function canonicalCharset(label: string): string | null {
  const clean = label.trim().toLowerCase();
  if (clean === '') return null;
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    // not a WHATWG label; try iconv-lite below
  }
  return iconv.encodingExists(clean) ? clean : null;
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  }
  // windows-1258 decodes to base letters plus combining tone marks; NFC recomposes "Việt".
  return text.normalize('NFC');
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).normalize('NFC');
  } catch {
    return null;
  }
}

function sniffBom(bytes: Uint8Array): { charset: string; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = LATIN1.decode(bytes.subarray(0, PRESCAN_BYTES));
  // Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const m = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag[0]);
    if (m?.[1]) {
      // A page that says UTF-16 in ASCII-compatible bytes is not UTF-16 (WHATWG prescan rule).
      return /^utf-16/i.test(m[1]) ? 'utf-8' : m[1];
    }
  }
  return null;
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = LATIN1.decode(bytes.subarray(0, 256));
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1] ?? null;
}
