import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../core/errors.js';
import { entryToItem, isBloggerFeed, parseFeed } from './feed.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/sources/${name}`, import.meta.url), 'utf8');

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items: link, guid, RFC 822 date, dc:creator, full content when present', () => {
    const feed = parseFeed(fixture('rss.xml'), 'https://baophothi.example.vn/rss/thoi-su.rss');
    expect(feed.format).toBe('rss');
    const [a, b] = feed.entries;
    expect(a).toMatchObject({ id: 'bpt-4711', title: 'Hà Nội mở thêm 3 tuyến buýt điện nối ngoại thành', content: null, author: null });
    expect(a?.publishedAt?.toISOString()).toBe('2024-06-19T23:15:00.000Z');
    expect(b).toMatchObject({ title: 'Giá lúa tăng & nông dân phấn khởi', author: 'Hồng Nhung' });
    const item = b && entryToItem(b, false);
    expect(item?.text).toBe('Giá lúa tại Đồng bằng sông Cửu Long tăng 300 đồng/kg.\n\nNông dân phấn khởi vì vụ hè thu được mùa.');
  });

  it('reads Atom entries: relative links, html titles, author uri', () => {
    const feed = parseFeed(fixture('atom.xml'), 'https://ti.example/atom.xml');
    const item = feed.entries[0] && entryToItem(feed.entries[0], false);
    expect(item).toMatchObject({ kind: 'post', url: 'https://ti.example/cay-bang', title: 'Chuyện cái cây trước nhà', author: 'Tí', authorUrl: 'https://ti.example/' });
    expect(item?.publishedAt?.toISOString()).toBe('2020-01-03T14:40:00.000Z');
    expect(item?.text).toBe('Trước nhà tôi có một cây bàng già.\n\nBạn nào ở gần ghé chơi.');
  });

  it('maps Blogger comment entries to comments parented through thr:in-reply-to and related links', () => {
    const feed = parseFeed(fixture('blogger-comments.xml'), 'https://gocphoxua.blogspot.com/feeds/7788990011223344556/comments/default');
    expect(isBloggerFeed(feed)).toBe(true);
    const items = feed.entries.map((e) => entryToItem(e, true));
    const post = 'https://gocphoxua.blogspot.com/2021/06/cho-que-ngay-mua.html';
    expect(items.map((i) => [i?.kind, i?.url, i?.parentUrl])).toEqual([
      ['comment', `${post}#c3333333333333333333`, `${post}#c1111111111111111111`],
      ['comment', `${post}#c1111111111111111111`, post],
      ['comment', `${post}#c4444444444444444444`, post],
    ]);
    expect(items[0]?.text).toBe('Dạ em ở Thái Bình <3 Chợ quê em giờ cũng đổi khác nhiều rồi.');
    expect(items[1]?.publishedAt?.toISOString()).toBe('2021-06-12T02:30:00.000Z');
  });

  it('says an HTML page is not a feed, and gives line and column of malformed XML', () => {
    expect(thrown(() => parseFeed('<!DOCTYPE html><html><body><p>Trang chủ</body></html>', 'https://a.vn/rss')).code).toBe('PARSE_NOT_A_FEED');
    expect(thrown(() => parseFeed('<?xml version="1.0"?><urlset></urlset>', 'https://a.vn/rss')).code).toBe('PARSE_NOT_A_FEED');
    const bad = thrown(() => parseFeed('<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</titl></item></channel></rss>', 'https://a.vn/rss'));
    expect(bad.code).toBe('PARSE_XML');
    expect(bad.details).toMatchObject({ line: 3 });
    expect(bad.message).toMatch(/line 3, column \d+/);
  });

  it('refuses entity declarations (no entity-expansion bombs)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>';
    expect(thrown(() => parseFeed(bomb, 'https://a.vn/rss')).code).toBe('PARSE_XML');
  });
});
