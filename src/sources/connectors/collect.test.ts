import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutletSource, SourceItem } from '../../core/types.js';
import type { Fetcher } from '../fetcher.js';
import { collect } from './collect.js';
import type { CollectBatch, CollectOptions } from './common.js';
import { createMemoryFetcher, type MemoryResponse } from './memory-fetcher.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/sources/${name}`, import.meta.url), 'utf8');
const xml = (name: string): MemoryResponse => ({ body: fixture(name), contentType: 'application/xml' });

async function run(source: OutletSource, fetcher: Fetcher, opts: CollectOptions = {}): Promise<CollectBatch[]> {
  const out: CollectBatch[] = [];
  for await (const b of collect(source, fetcher, opts)) out.push(b);
  return out;
}
const itemsOf = (batches: CollectBatch[]): SourceItem[] => batches.flatMap((b) => b.items);

describe('collect: feed', () => {
  const site = 'https://baophothi.example.vn';
  it('takes full-content items from the feed and fetches the page of summary-only items', async () => {
    const fetcher = createMemoryFetcher({
      [`${site}/rss.xml`]: xml('rss.xml'),
      [`${site}/ha-noi-mo-them-3-tuyen-buyt-dien-4711.html`]: fixture('news-article.html'),
    });
    const batches = await run({ kind: 'feed', url: `${site}/rss.xml` }, fetcher);
    const items = itemsOf(batches);
    expect(items.map((i) => i.title)).toEqual(['Giá lúa tăng & nông dân phấn khởi', 'Hà Nội mở thêm 3 tuyến buýt điện nối ngoại thành']);
    expect(items[1]?.text).toContain('Giá vé lượt từ 7.000 đến 9.000 đồng');
    // Each item is traceable to the bytes it came from.
    const pageBatch = batches.find((b) => b.items.includes(items[1] as SourceItem));
    expect(pageBatch?.snapshot?.url).toBe(`${site}/ha-noi-mo-them-3-tuyen-buyt-dien-4711.html`);
    expect(new TextDecoder().decode(pageBatch?.snapshot?.body)).toContain('fck_detail');
    expect(batches[0]?.snapshot?.url).toBe(`${site}/rss.xml`);
  });

  it('keeps the feed summary when the article page fails, and reports the failure', async () => {
    const fetcher = createMemoryFetcher({ [`${site}/rss.xml`]: xml('rss.xml') });
    const batches = await run({ kind: 'feed', url: `${site}/rss.xml` }, fetcher);
    expect(itemsOf(batches)).toHaveLength(2);
    expect(itemsOf(batches)[1]?.text).toBe('Từ tháng 7, ba tuyến buýt điện mới sẽ nối trung tâm với Sóc Sơn, Ba Vì và Mỹ Đức.');
    expect(batches.flatMap((b) => b.errors).map((e) => e.error.code)).toEqual(['FETCH_HTTP_STATUS']);
  });

  it('throws for a feed URL that serves an HTML page', async () => {
    const fetcher = createMemoryFetcher({ [`${site}/rss`]: fixture('news-article.html') });
    await expect(run({ kind: 'feed', url: `${site}/rss` }, fetcher)).rejects.toMatchObject({ code: 'PARSE_NOT_A_FEED' });
  });
});

describe('collect: blogger', () => {
  const blog = 'https://gocphoxua.blogspot.com';
  it('reads the posts feed and each post comment feed', async () => {
    const fetcher = createMemoryFetcher({
      [`${blog}/feeds/posts/default`]: xml('blogger-posts.xml'),
      [`${blog}/feeds/7788990011223344556/comments/default`]: xml('blogger-comments.xml'),
    });
    const items = itemsOf(await run({ kind: 'blogger', url: `${blog}/` }, fetcher));
    expect(items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment', 'comment']);
    expect(items[0]).toMatchObject({ url: `${blog}/2021/06/cho-que-ngay-mua.html`, externalId: '7788990011223344556', author: 'Lê Thu Hà' });
    expect(items[0]?.text).not.toContain('Vay tiền');
    expect(items.slice(1).every((c) => c.parentUrl?.startsWith(items[0]?.url ?? '-'))).toBe(true);
    expect(fetcher.requests[0]).toBe(`${blog}/feeds/posts/default?max-results=25`);
  });

  it('reads a post page with its comments when given a post URL', async () => {
    const url = `${blog}/2021/06/cho-que-ngay-mua.html`;
    const items = itemsOf(await run({ kind: 'blogger', url }, createMemoryFetcher({ [url]: fixture('blogger-threaded.html') })));
    expect(items).toHaveLength(7);
  });
});

describe('collect: wordpress', () => {
  const site = 'https://tinhoc.example.vn';
  const api = `${site}/wp-json/wp/v2`;
  const post = (id: number) => ({
    id,
    link: `${site}/bai-${id}/`,
    date: '2024-05-01T08:00:00',
    date_gmt: '2024-05-01T01:00:00',
    title: { rendered: `Bài số ${id} &#8211; thử` },
    content: { rendered: `<p>Nội dung bài ${id}.</p><div class="sharedaddy">Chia sẻ</div>` },
    _embedded: { author: [{ name: 'Quản trị', link: `${site}/author/admin/` }] },
  });
  const json = (body: unknown, totalPages: number): MemoryResponse => ({
    body: JSON.stringify(body),
    contentType: 'application/json',
    headers: { 'x-wp-totalpages': String(totalPages) },
  });

  it('pages through posts and comments, parents replies, stops at X-WP-TotalPages', async () => {
    const fetcher = createMemoryFetcher({
      [`${api}/posts?page=1&per_page=2&_embed=author`]: json([post(11), post(10)], 2),
      [`${api}/posts?page=2&per_page=2&_embed=author`]: json([post(9)], 2),
      [`${api}/comments?post=11&page=1&per_page=100&orderby=id&order=asc`]: json(
        [
          { id: 5, post: 11, parent: 0, author_name: 'Lan', author_url: '', date_gmt: '2024-05-01T02:00:00', content: { rendered: '<p>Hay quá!</p>' } },
          { id: 6, post: 11, parent: 5, author_name: 'Minh', author_url: 'https://minh.example/', date_gmt: '2024-05-01T03:00:00', content: { rendered: '<p>Đồng ý &amp; cảm ơn</p>' } },
        ],
        1,
      ),
      [`${api}/comments?post=10&page=1&per_page=100&orderby=id&order=asc`]: json([], 0),
      [`${api}/comments?post=9&page=1&per_page=100&orderby=id&order=asc`]: json([], 0),
    });
    const items = itemsOf(await run({ kind: 'wordpress', url: site }, fetcher, { perPage: 2 }));
    const posts = items.filter((i) => i.kind === 'post');
    expect(posts.map((p) => [p.externalId, p.title, p.author])).toEqual([
      ['11', 'Bài số 11 – thử', 'Quản trị'],
      ['10', 'Bài số 10 – thử', 'Quản trị'],
      ['9', 'Bài số 9 – thử', 'Quản trị'],
    ]);
    expect(posts[0]?.text).toBe('Nội dung bài 11.');
    expect(posts[0]?.publishedAt?.toISOString()).toBe('2024-05-01T01:00:00.000Z');
    const comments = items.filter((i) => i.kind === 'comment');
    expect(comments.map((c) => [c.url, c.parentUrl, c.author, c.authorUrl, c.text])).toEqual([
      [`${site}/bai-11/#comment-5`, `${site}/bai-11/`, 'Lan', null, 'Hay quá!'],
      [`${site}/bai-11/#comment-6`, `${site}/bai-11/#comment-5`, 'Minh', 'https://minh.example/', 'Đồng ý & cảm ơn'],
    ]);
    expect(fetcher.requests.some((u) => u.includes('page=3'))).toBe(false);
  });

  it('stops at HTTP 400 past the last page when the header is missing', async () => {
    const fetcher = createMemoryFetcher({
      [`${api}/posts?page=1&per_page=20&_embed=author`]: { body: JSON.stringify([post(1)]), contentType: 'application/json' },
      [`${api}/posts?page=2&per_page=20&_embed=author`]: { body: '{"code":"rest_post_invalid_page_number"}', status: 400 },
    });
    const batches = await run({ kind: 'wordpress', url: `${site}/` }, fetcher, { comments: false });
    expect(itemsOf(batches)).toHaveLength(1);
    expect(batches.flatMap((b) => b.errors)).toEqual([]);
  });
});

describe('collect: sitemap', () => {
  const site = 'https://baophothi.example.vn';
  it('follows the index (bounded, no loops), skips old URLs, extracts pages newest first, reports failures', async () => {
    const fetcher = createMemoryFetcher({
      [`${site}/sitemap-index.xml`]: xml('sitemap-index.xml'),
      [`${site}/sitemap-2024-06.xml`]: xml('sitemap-2024-06.xml'),
      [`${site}/news-article.html`]: fixture('news-article.html'),
      [`${site}/plain-blog.html`]: fixture('plain-blog.html'),
    });
    const batches = await run({ kind: 'sitemap', url: `${site}/sitemap-index.xml` }, fetcher, { since: new Date('2024-01-01'), maxPages: 3 });
    expect(itemsOf(batches).map((i) => i.url)).toEqual([`${site}/news-article.html`, `${site}/plain-blog.html`]);
    expect(batches.flatMap((b) => b.errors).map((e) => e.url)).toEqual([`${site}/sitemap-missing.xml`, `${site}/khong-co.html`]);
    expect(fetcher.requests).not.toContain(`${site}/cu.html`);
    expect(fetcher.requests.filter((u) => u.endsWith('sitemap-index.xml'))).toHaveLength(1);
  });

  it('stops at maxPages', async () => {
    const fetcher = createMemoryFetcher({ [`${site}/s.xml`]: xml('sitemap-2024-06.xml'), [`${site}/news-article.html`]: fixture('news-article.html') });
    const items = itemsOf(await run({ kind: 'sitemap', url: `${site}/s.xml` }, fetcher, { maxPages: 1 }));
    expect(items).toHaveLength(1);
    expect(fetcher.requests).toHaveLength(2);
  });
});
