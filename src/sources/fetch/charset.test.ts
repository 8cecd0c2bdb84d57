import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { isAppError } from '../../core/errors.js';
import { canonicalCharset, charsetFromContentType, decodeBody } from './charset.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// "Việt Nam" in windows-1258: ê is precomposed (EA), the dot below is a combining byte (F2).
const VIET_NAM_1258 = Uint8Array.of(0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d);
// "Tiếng" in windows-1258: ê (EA) + combining acute (EC).
const TIENG_1258 = Uint8Array.of(0x54, 0x69, 0xea, 0xec, 0x6e, 0x67);

describe('decodeBody', () => {
  it('uses the charset of the Content-Type header and returns NFC text', () => {
    const r = decodeBody(VIET_NAM_1258, 'text/html; charset=windows-1258');
    expect(r.charset).toBe('windows-1258');
    expect(r.text).toBe('Việt Nam');
    expect(r.text).toBe(r.text.normalize('NFC'));
    expect(r.text.length).toBe(8);
  });

  it('accepts quoted and upper-case charset parameters', () => {
    expect(charsetFromContentType('text/html; Charset="UTF-8"')).toBe('UTF-8');
    expect(decodeBody(utf8('Hà Nội'), 'text/html;charset="UTF-8"').text).toBe('Hà Nội');
  });

  it('lets a byte order mark win over a wrong header and strips it', () => {
    const r = decodeBody(
      concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('Đà Nẵng')),
      'text/html; charset=iso-8859-1',
    );
    expect(r).toEqual({ text: 'Đà Nẵng', charset: 'utf-8' });
    const le = decodeBody(concat(Uint8Array.of(0xff, 0xfe), iconv.encode('Huế', 'utf-16le')), null);
    expect(le).toEqual({ text: 'Huế', charset: 'utf-16le' });
  });

  it('reads <meta charset> and <meta http-equiv> in the first 4 KB', () => {
    const page = (meta: string, body: Uint8Array) => concat(latin1(`<html><head>${meta}</head><body>`), body);
    expect(decodeBody(page('<meta charset="windows-1258">', TIENG_1258), 'text/html').text).toContain(
      'Tiếng',
    );
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">';
    const r = decodeBody(page(httpEquiv, VIET_NAM_1258), 'text/html');
    expect(r.charset).toBe('windows-1258');
    expect(r.text).toContain('Việt Nam');
  });

  it('ignores a meta tag beyond the first 4 KB', () => {
    const bytes = concat(latin1('<html>' + ' '.repeat(5000) + '<meta charset="koi8-r">'), utf8('Việt'));
    expect(decodeBody(bytes, 'text/html').charset).toBe('utf-8');
  });

  it('reads the XML declaration encoding', () => {
    const bytes = concat(latin1('<?xml version="1.0" encoding="windows-1258"?><rss><title>'), VIET_NAM_1258);
    const r = decodeBody(bytes, 'application/rss+xml');
    expect(r.charset).toBe('windows-1258');
    expect(r.text).toContain('<title>Việt Nam');
  });

  it('falls back to UTF-8 when valid, else windows-1258', () => {
    expect(decodeBody(utf8('Tiếng Việt'), null)).toEqual({ text: 'Tiếng Việt', charset: 'utf-8' });
    const legacy = decodeBody(concat(TIENG_1258, latin1(' '), VIET_NAM_1258), 'text/plain');
    expect(legacy).toEqual({ text: 'Tiếng Việt Nam', charset: 'windows-1258' });
  });

  it('normalizes decomposed UTF-8 to NFC', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    expect(decodeBody(utf8(nfd), 'text/plain; charset=utf-8').text).toBe('Việt Nam');
  });

  it('decodes an unknown declared charset as UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeBody(utf8('Cần Thơ'), 'text/html; charset=x-made-up')).toEqual({
      text: 'Cần Thơ',
      charset: 'utf-8',
    });
  });

  it('fails with DECODE_UNKNOWN_CHARSET for an unknown charset over invalid UTF-8', () => {
    let caught: unknown;
    try {
      decodeBody(VIET_NAM_1258, 'text/html; charset=x-made-up');
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught, 'DECODE_UNKNOWN_CHARSET')).toBe(true);
    expect((caught as Error).message).toContain('x-made-up');
  });

  it('uses iconv-lite for charsets TextDecoder does not know', () => {
    expect(canonicalCharset('cp437')).toBe('cp437');
    expect(decodeBody(Uint8Array.of(0x82), 'text/plain; charset=cp437').text).toBe('é');
  });

  it('maps WHATWG labels to canonical names', () => {
    expect(canonicalCharset('UTF8')).toBe('utf-8');
    expect(canonicalCharset('cp1258')).toBe('windows-1258');
    expect(canonicalCharset('nope-nope')).toBeNull();
  });
});
