import { afterAll, beforeAll, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { AppContext } from '../src/context.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { crawlDue } from '../src/pipeline/crawl.js';
import { listDeadLetters } from '../src/store/dead-letters.js';
import { countDocuments, listDocuments } from '../src/store/documents.js';
import { createOutlet, updateOutlet } from '../src/store/outlets.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

/** Windows-1258 spells toned letters as a base letter (maybe with its vowel mark) plus a combining tone. */
const toCp1258Form = (s: string) =>
  [...s]
    .map((ch) => {
      const d = ch.normalize('NFD');
      const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(d)?.[0];
      return tone ? d.replace(tone, '').normalize('NFC') + tone : ch;
    })
    .join('');
const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title><link>https://tin.example/</link>${items}</channel></rss>`;
const item = (n: number) =>
  `<item><title>Bài ${n}</title><link>https://tin.example/bai-${n}.html</link><guid>bai-${n}</guid><pubDate>Sat, 12 Jun 2021 08:0${n} +0700</pubDate><description><![CDATA[<p>Nội dung đầy đủ của bài số ${n}, đủ dài để là một bài viết thật sự trên trang tin.</p>]]></description></item>`;

// Bad input against a live crawl: every case is a clear error or a dead letter, the crawl goes on,
// and what was stored before is neither lost nor duplicated.
describeStores('crawl with bad input', (h) => {
  let server: FixtureServer;
  let ctx: AppContext;
  let feed = rss(item(1) + item(2));
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/feed.xml', (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
    server.static('/html-feed.xml', '<!doctype html><html><body><h1>Trang chủ</h1><p>Đây không phải là RSS.</p></body></html>', 'text/html');
    server.route('/slow.html', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('a'), 1000);
      res.on('close', () => clearInterval(timer));
    });
    server.static('/unknown-charset.html', Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfa, 0x3c, 0x2f, 0x70, 0x3e]), 'text/html; charset=x-klingon');
    const vi = '<html><head><meta charset="windows-1258"><title>Tin Việt Nam</title></head><body><article><h1>Tin Việt Nam</h1><p>' + 'Hà Nội hôm nay trời nắng đẹp, người dân đi dạo quanh hồ Hoàn Kiếm. '.repeat(8) + '</p></article></body></html>';
    server.static('/cp1258.html', iconv.encode(toCp1258Form(vi), 'windows-1258'), 'text/html; charset=windows-1258');
    ctx = await testContext(h.store, {}, { KIEMTIN_FETCH_TIMEOUT_MS: '1500', KIEMTIN_RESPECT_ROBOTS: 'false', KIEMTIN_FETCH_RETRIES: '0' });
  });
  afterAll(async () => {
    await ctx.close();
    await server.close();
  });

  it('keeps what was stored when a feed turns malformed, and records each bad source', async () => {
    await createOutlet(
      ctx.db,
      outletInputSchema.parse({ id: 'tin', type: 'e-newspaper', name: 'Tin', homeUrl: 'https://tin.example/', sources: [{ kind: 'feed', url: `${server.origin}/feed.xml` }] }),
      new Date(),
    );
    const first = await crawlDue(ctx, { outletId: 'tin', all: true });
    expect(first.inserted).toBe(2);

    feed = rss(item(1) + item(2)).replace('</channel>', '<item><title>broken</channel>');
    await updateOutlet(ctx.db, 'tin', {
      sources: [
        { kind: 'feed', url: `${server.origin}/feed.xml` },
        { kind: 'feed', url: `${server.origin}/html-feed.xml` },
        { kind: 'page', url: `${server.origin}/slow.html` },
        { kind: 'page', url: `${server.origin}/unknown-charset.html` },
        { kind: 'page', url: `${server.origin}/cp1258.html` },
      ],
    }, new Date());
    const second = await crawlDue(ctx, { outletId: 'tin', all: true });
    expect(second.sources).toBe(5);
    const dead = Object.fromEntries((await listDeadLetters(ctx.db, { limit: 20 })).map((d) => [new URL(d.url).pathname, d]));
    expect(dead['/feed.xml']?.code).toBe('PARSE_XML');
    expect(dead['/feed.xml']?.reason).toMatch(/line \d+/);
    expect(dead['/html-feed.xml']?.code).toBe('PARSE_NOT_A_FEED');
    expect(dead['/slow.html']?.code).toBe('FETCH_TIMEOUT');
    expect(dead['/unknown-charset.html']?.code).toBe('DECODE_UNKNOWN_CHARSET');
    expect(dead['/cp1258.html']).toBeUndefined();

    // The two posts from the good feed are still there, once; the windows-1258 page is stored as NFC.
    expect(await countDocuments(ctx.db)).toBe(3);
    const titles = (await listDocuments(ctx.db, { limit: 10 })).map((d) => d.title).sort();
    expect(titles).toEqual(['Bài 1', 'Bài 2', 'Tin Việt Nam']);
    const vi = (await listDocuments(ctx.db, { limit: 10 })).find((d) => d.title === 'Tin Việt Nam')!;
    expect(vi.text).toContain('Hà Nội hôm nay trời nắng đẹp');
    expect(vi.text).toBe(vi.text.normalize('NFC'));
  });
});
