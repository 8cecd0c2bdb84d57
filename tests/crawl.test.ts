import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { crawlDue } from '../src/pipeline/crawl.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { listDeadLetters } from '../src/store/dead-letters.js';
import { countDocuments, listDocuments } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

const blogger = readFileSync(new URL('./fixtures/sources/blogger-threaded.html', import.meta.url));

describeStores('crawl', (h) => {
  let server: FixtureServer;
  let ctx: AppContext;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.static('/2021/06/cho-que.html', blogger, 'text/html; charset=utf-8', { etag: '"v1"' });
    server.route('/loop', (_q, res) => res.writeHead(302, { location: '/loop2' }).end());
    server.route('/loop2', (_q, res) => res.writeHead(302, { location: '/loop' }).end());
    server.route('/huge', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('error', () => {});
      push();
    });
    server.static('/broken.html', '<html><body><div><p>Trang lỗi <b>không đóng thẻ <div><article><h1>Tiêu đề</h1><p>' + 'Nội dung bài viết khá dài để trích xuất. '.repeat(20), 'text/html');
    ctx = await testContext(h.store, {}, { KIEMTIN_MAX_BODY_BYTES: String(2 * 1024 * 1024), KIEMTIN_RESPECT_ROBOTS: 'false' });
  });
  afterAll(async () => {
    await ctx.close();
    await server.close();
  });

  const addOutlet = (sources: Array<{ kind: 'page'; url: string }>) =>
    createOutlet(ctx.db, outletInputSchema.parse({ id: 'blog', type: 'blog', name: 'Blog', homeUrl: server.origin + '/', sources }), new Date());

  it('stores a Blogger page as a post with its threaded comments, and the same page again adds nothing', async () => {
    await addOutlet([{ kind: 'page', url: `${server.origin}/2021/06/cho-que.html` }]);
    const first = await crawlDue(ctx, { outletId: 'blog', all: true });
    expect(first).toMatchObject({ sources: 1, inserted: 7, deadLetters: 0 });
    const posts = await listDocuments(ctx.db, { kind: 'post', limit: 10 });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.title).toBe('Chợ quê ngày mưa');
    expect(posts[0]!.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    const comments = await listDocuments(ctx.db, { kind: 'comment', limit: 50 });
    const ids = new Set([posts[0]!.id, ...comments.map((c) => c.id)]);
    for (const c of comments) expect(ids.has(c.parentId!)).toBe(true);

    const again = await crawlDue(ctx, { outletId: 'blog', all: true });
    expect(again.inserted + again.changed).toBe(0);
    expect(await countDocuments(ctx.db)).toBe(7);
    // The second fetch sent the ETag of the first.
    expect(server.requests.filter((r) => r.includes('cho-que')).length).toBeGreaterThanOrEqual(2);
  });

  it('records bad sources as dead letters with the reason and goes on with the rest', async () => {
    await addOutlet([
      { kind: 'page', url: `${server.origin}/loop` },
      { kind: 'page', url: `${server.origin}/huge` },
      { kind: 'page', url: 'http://10.0.0.1/private.html' },
      { kind: 'page', url: `${server.origin}/missing.html` },
      { kind: 'page', url: `${server.origin}/broken.html` },
      { kind: 'page', url: `${server.origin}/2021/06/cho-que.html` },
    ]);
    const r = await crawlDue(ctx, { outletId: 'blog', all: true });
    expect(r.sources).toBe(6);
    const dead = await listDeadLetters(ctx.db, { limit: 20 });
    const codes = Object.fromEntries(dead.map((d) => [new URL(d.url).pathname, d.code]));
    expect(codes).toMatchObject({
      '/loop': 'FETCH_TOO_MANY_REDIRECTS',
      '/huge': 'FETCH_TOO_LARGE',
      '/private.html': 'FETCH_BLOCKED_ADDRESS',
      '/missing.html': 'FETCH_HTTP_STATUS',
    });
    for (const d of dead) expect(d.reason.length).toBeGreaterThan(10);
    // The good pages were stored despite the failures around them.
    const posts = await listDocuments(ctx.db, { kind: 'post', limit: 10 });
    expect(posts.map((p) => p.title).sort()).toEqual(['Chợ quê ngày mưa', 'Tiêu đề']);
  });
});
