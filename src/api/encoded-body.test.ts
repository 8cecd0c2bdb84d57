import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseCoding, EncodedBody } from './encoded-body.js';

describe('choosing a content coding from Accept-Encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['deflate, zstd', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['identity;q=1, gzip;q=0.9', 'identity'],
    ['gzip;q=abc', 'identity'],
    ['gzip ; q=0.8 , identity;q=0.1', 'gzip'],
    ['*;q=0', 'identity'],
  ] as const)('%j → %s', (header, want) => {
    expect(chooseCoding(header)).toBe(want);
  });
});

describe('a body kept in several codings', () => {
  const text = JSON.stringify({
    items: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Tiêu đề ${i}`, category: 'spam' })),
  });
  const body = new EncodedBody(new Uint8Array(Buffer.from(text)));

  it('decodes to the same bytes in every coding, the coded ones smaller', () => {
    const identity = body.get('identity');
    expect(Buffer.from(identity.bytes).toString()).toBe(text);
    const gzip = body.get('gzip');
    const br = body.get('br');
    expect(gunzipSync(gzip.bytes).toString()).toBe(text);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(text);
    expect(gzip.bytes.length).toBeLessThan(identity.bytes.length / 3);
    expect(br.bytes.length).toBeLessThan(identity.bytes.length / 3);
  });

  it('names each coding with its own ETag, all derived from the content', () => {
    const etag = body.get('identity').etag;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(body.get('gzip').etag).toBe(`${etag.slice(0, -1)}-gzip"`);
    expect(body.get('br').etag).toBe(`${etag.slice(0, -1)}-br"`);
    // Compressed once: the same object on every call; equal content gives equal validators.
    expect(body.get('gzip')).toBe(body.get('gzip'));
    expect(new EncodedBody(new Uint8Array(Buffer.from(text))).get('br').etag).toBe(body.get('br').etag);
  });
});
