import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { extractArticle } from './article.js';
import { extractPage } from './page.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/sources/${name}`, import.meta.url), 'utf8');

describe('extractArticle', () => {
  it('reads a news page: JSON-LD title and authors, meta date, body without ads, share, related news or comments', () => {
    const item = extractArticle('https://baophothi.example.vn/ha-noi-4711.html?utm_source=fb&id=2#top', fixture('news-article.html'));
    expect(item).toMatchObject({
      kind: 'post',
      url: 'https://baophothi.example.vn/ha-noi-4711.html?id=2',
      parentUrl: null,
      title: 'Hà Nội mở thêm 3 tuyến buýt điện nối ngoại thành',
      author: 'Minh Châu, Quốc Anh',
    });
    expect(item.publishedAt?.toISOString()).toBe('2024-06-19T23:15:00.000Z');
    expect(item.text.startsWith('Sở Giao thông Vận tải Hà Nội cho biết')).toBe(true);
    expect(item.text).toContain('Giá vé lượt từ 7.000 đến 9.000 đồng');
    for (const furniture of ['Vay nhanh', 'Quảng cáo', 'Chia sẻ', 'Zalo', 'Tin liên quan', 'Metro', 'Ý kiến', 'Đông Anh', 'Cá độ', 'Thể thao', 'Giấy phép', 'Đọc nhiều']) {
      expect(item.text, furniture).not.toContain(furniture);
    }
  });

  it('falls back to Readability on an unknown layout, with date and author from the byline', () => {
    const item = extractArticle('https://ti.example/cay-bang', fixture('plain-blog.html'));
    expect(item.title).toBe('Chuyện cái cây trước nhà');
    expect(item.author).toBe('Tí');
    expect(item.publishedAt?.toISOString()).toBe('2020-01-03T14:40:00.000Z');
    expect(item.text.split('\n\n')).toHaveLength(4);
    expect(item.text).toContain('lá đẹp lắm 🍂');
    for (const furniture of ['Giới thiệu', 'Bài mới', 'Blog bạn', 'Bản quyền', 'Twitter']) expect(item.text).not.toContain(furniture);
  });

  it('reads the VnExpress-style visible date when there is no machine-readable one', () => {
    const html = fixture('news-article.html').replace(/<meta property="article:published_time"[^>]*>/, '').replace(/"datePublished":"[^"]*",/, '');
    expect(extractArticle('https://a.vn/1', html).publishedAt?.toISOString()).toBe('2024-06-19T23:15:00.000Z');
  });

  it('throws EXTRACT_NO_CONTENT for a page with no text', () => {
    expect(() => extractArticle('https://a.vn/empty', '<html><body><script>x()</script></body></html>')).toThrowError(
      expect.objectContaining({ code: 'EXTRACT_NO_CONTENT' }) as Error,
    );
    try {
      extractPage('https://a.vn/empty', '<html><body><nav><a href="/">Trang chủ</a></nav></body></html>');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'EXTRACT_NO_CONTENT')).toBe(true);
    }
  });
});

describe('extractPage', () => {
  it('sends Blogger pages to the Blogger extractor and other pages to the generic one', () => {
    const blogger = extractPage('https://gocphoxua.blogspot.com/2021/06/cho-que-ngay-mua.html', fixture('blogger-threaded.html'));
    expect(blogger.map((i) => i.kind)).toEqual(['post', 'comment', 'comment', 'comment', 'comment', 'comment', 'comment']);
    const news = extractPage('https://baophothi.example.vn/a.html', fixture('news-article.html'));
    expect(news).toHaveLength(1);
  });
});
