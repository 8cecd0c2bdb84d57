/** Crawls the source fixtures over real HTTP: the production fetcher against a local fixture server. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import type { OutletSource, SourceItem } from '../src/core/types.js';
import { collect } from '../src/sources/connectors/collect.js';
import type { CollectBatch, CollectOptions } from '../src/sources/connectors/common.js';
import { createHttpFetcher, type HttpFetcher } from '../src/sources/fetch/index.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/sources/${name}`, import.meta.url), 'utf8');

let server: FixtureServer;
let fetcher: HttpFetcher;

beforeAll(async () => {
  server = await startFixtureServer();
  const o = server.origin;
  const local = (text: string) => text.replaceAll('https://baophothi.example.vn', o).replaceAll('https://gocphoxua.blogspot.com', o);
  server.static('/rss.xml', local(fixture('rss.xml')), 'application/rss+xml; charset=utf-8');
  server.static('/ha-noi-mo-them-3-tuyen-buyt-dien-4711.html', fixture('news-article.html'));
  server.static('/2021/06/cho-que-ngay-mua.html', fixture('blogger-threaded.html'));
  server.static('/feeds/posts/default', local(fixture('blogger-posts.xml')), 'application/atom+xml; charset=UTF-8');
  server.static('/feeds/7788990011223344556/comments/default', local(fixture('blogger-comments.xml')), 'application/atom+xml; charset=UTF-8');
  server.static('/sitemap.xml', fixture('sitemap-2024-06.xml'), 'application/xml');
  server.static('/news-article.html', fixture('news-article.html'));
  server.static('/plain-blog.html', fixture('plain-blog.html'));
  server.static('/not-a-feed', fixture('plain-blog.html'));
  server.route('/wp-json/wp/v2/posts', (req, res) => {
    const page = new URL(req.url ?? '/', o).searchParams.get('page');
    if (page !== '1') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"rest_post_invalid_page_number"}');
      return;
    }
    const post = { id: 3, link: `${o}/bai-3/`, date_gmt: '2024-05-01T01:00:00', title: { rendered: 'Bài &#8220;ba&#8221;' }, content: { rendered: '<p>Một.</p><p>Hai.</p>' } };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-wp-totalpages': '1' }).end(JSON.stringify([post]));
  });
  server.route('/wp-json/wp/v2/comments', (_req, res) => {
    const c = { id: 8, post: 3, parent: 0, author_name: 'Hà', author_url: '', date_gmt: '2024-05-01T02:00:00', content: { rendered: '<p>Cảm ơn 🙏</p>' } };
    res.writeHead(200, { 'content-type': 'application/json', 'x-wp-totalpages': '1' }).end(JSON.stringify([c]));
  });
  fetcher = createHttpFetcher(
    loadConfig({ KIEMTIN_ALLOW_HOSTS: '127.0.0.1', KIEMTIN_RESPECT_ROBOTS: 'false', KIEMTIN_HOST_MIN_DELAY_MS: '0', KIEMTIN_FETCH_RETRIES: '0' }).fetch,
  );
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function crawl(source: OutletSource, opts: CollectOptions = {}): Promise<CollectBatch[]> {
  const out: CollectBatch[] = [];
  for await (const b of collect(source, fetcher, opts)) out.push(b);
  return out;
}
const itemsOf = (batches: CollectBatch[]): SourceItem[] => batches.flatMap((b) => b.items);

describe('crawling over HTTP', () => {
  it('a Blogger post page gives the post and its threaded comments, with the page bytes as evidence', async () => {
    const url = `${server.origin}/2021/06/cho-que-ngay-mua.html`;
    const batches = await crawl({ kind: 'page', url });
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch?.items.map((i) => i.kind)).toEqual(['post', ...Array<string>(6).fill('comment')]);
    expect(batch?.items[0]).toMatchObject({ url, title: 'Chợ quê ngày mưa' });
    expect(batch?.items.slice(1).every((c) => c.url.startsWith(`${url}#c`))).toBe(true);
    expect(Buffer.from(batch?.snapshot?.body ?? new Uint8Array()).toString('utf8')).toBe(fixture('blogger-threaded.html'));
    expect(batch?.snapshot?.contentType).toContain('text/html');
  });

  it('an RSS feed whose items carry only a summary is completed from the article pages', async () => {
    const items = itemsOf(await crawl({ kind: 'feed', url: `${server.origin}/rss.xml` }));
    expect(items.map((i) => i.url)).toEqual([`${server.origin}/gia-lua-tang-4712.html`, `${server.origin}/ha-noi-mo-them-3-tuyen-buyt-dien-4711.html`]);
    expect(items[1]?.text).toContain('Theo Sở, các xe đều có chỗ cho xe lăn');
  });

  it('a Blogger blog is read through its posts and comment feeds', async () => {
    const items = itemsOf(await crawl({ kind: 'blogger', url: `${server.origin}/` }));
    expect(items.filter((i) => i.kind === 'comment')).toHaveLength(3);
    expect(items[0]?.url).toBe(`${server.origin}/2021/06/cho-que-ngay-mua.html`);
  });

  it('a sitemap leads to its article pages; missing pages are reported, not thrown', async () => {
    const batches = await crawl({ kind: 'sitemap', url: `${server.origin}/sitemap.xml` });
    expect(itemsOf(batches).map((i) => i.title)).toEqual(['Hà Nội mở thêm 3 tuyến buýt điện nối ngoại thành', 'Chuyện cái cây trước nhà']);
    expect(batches.flatMap((b) => b.errors).map((e) => e.error.code)).toEqual(['FETCH_HTTP_STATUS', 'FETCH_HTTP_STATUS']);
  });

  it('WordPress posts and comments come from the REST API, ending at HTTP 400', async () => {
    const items = itemsOf(await crawl({ kind: 'wordpress', url: server.origin }));
    expect(items.map((i) => [i.kind, i.title ?? i.text])).toEqual([
      ['post', 'Bài “ba”'],
      ['comment', 'Cảm ơn 🙏'],
    ]);
  });

  it('a feed URL serving an HTML page fails with PARSE_NOT_A_FEED', async () => {
    await expect(crawl({ kind: 'feed', url: `${server.origin}/not-a-feed` })).rejects.toMatchObject({ code: 'PARSE_NOT_A_FEED' });
  });
});
