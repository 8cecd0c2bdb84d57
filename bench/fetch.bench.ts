/**
 * Fetcher throughput against a local fixture server (loopback only), and charset decoding speed.
 * `npx tsx bench/run.ts fetch`
 */
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './run.js';
import { createHttpFetcher, decodeBody } from '../src/sources/fetch/index.js';
import { startFixtureServer } from '../tests/_util/fixture-server.js';

const PAGES = 400;

export async function bench(): Promise<BenchResult> {
  const server = await startFixtureServer();
  const html = `<html><head><meta charset="utf-8"></head><body>${'<p>Tin tức Việt Nam hôm nay. </p>'.repeat(600)}</body></html>`;
  server.static('/page', html, 'text/html; charset=utf-8');
  server.static('/gz', gzipSync(html), 'text/html; charset=utf-8', { 'content-encoding': 'gzip' });
  const fetcher = createHttpFetcher({
    userAgent: 'kiemtin-bench/1.0',
    timeoutMs: 10_000,
    maxBodyBytes: 10 * 1024 * 1024,
    maxRedirects: 5,
    hostConcurrency: 8,
    hostMinDelayMs: 0,
    retries: 0,
    respectRobots: true,
    allowHosts: ['127.0.0.1'],
  });
  const figures: Record<string, number | string> = {};
  try {
    for (const path of ['/page', '/gz']) {
      await fetcher.fetch(`${server.origin}${path}`); // warm up: robots.txt, connections
      const t0 = performance.now();
      await Promise.all(Array.from({ length: PAGES }, () => fetcher.fetch(`${server.origin}${path}`)));
      const s = (performance.now() - t0) / 1000;
      const name = path === '/gz' ? 'gzip' : 'plain';
      figures[`fetch_${name}_${Math.round(Buffer.byteLength(html) / 1024)}kb_pages_per_s`] = Math.round(
        PAGES / s,
      );
    }
  } finally {
    await fetcher.close();
    await server.close();
  }

  const utf8 = new TextEncoder().encode('Tiếng Việt có dấu, tin tức hôm nay. '.repeat(30_000));
  // windows-1258 "Việt " repeated: precomposed ê + combining dot below.
  const cp1258 = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x20]).toString('latin1').repeat(170_000);
  const legacy = Buffer.from(cp1258, 'latin1');
  for (const [name, bytes, type] of [
    ['utf8', utf8, 'text/html; charset=utf-8'],
    ['windows1258_nfc', legacy, 'text/html; charset=windows-1258'],
    ['sniffed_no_header', legacy, 'text/html'],
  ] as const) {
    const t0 = performance.now();
    const rounds = 10;
    for (let i = 0; i < rounds; i++) decodeBody(bytes, type);
    const s = (performance.now() - t0) / 1000;
    figures[`decode_${name}_mb_per_s`] = Number(((bytes.length * rounds) / 1e6 / s).toFixed(1));
  }
  return {
    name: 'fetch',
    figures,
    notes: [`${PAGES} concurrent fetches of one host, hostConcurrency 8, no delay, loopback`],
  };
}
