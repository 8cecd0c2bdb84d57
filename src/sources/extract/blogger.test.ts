import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../core/types.js';
import { parseHtml } from './dom.js';
import { extractBloggerPage, isBloggerPage } from './blogger.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/sources/${name}`, import.meta.url), 'utf8');

function extract(name: string, url: string): SourceItem[] {
  const doc = parseHtml(fixture(name));
  expect(isBloggerPage(doc)).toBe(true);
  return extractBloggerPage(url, doc);
}

/** Every comment's parent chain must end at the post. */
function expectChainsEndAtPost(items: SourceItem[]): void {
  const byUrl = new Map(items.map((i) => [i.url, i]));
  const post = items.find((i) => i.kind === 'post');
  for (const c of items.filter((i) => i.kind === 'comment')) {
    let cur: SourceItem | undefined = c;
    for (let hops = 0; cur && cur.kind === 'comment' && hops < 50; hops++) cur = byUrl.get(cur.parentUrl ?? '');
    expect(cur, `chain of ${c.url}`).toBe(post);
  }
}

describe('Blogger threaded template', () => {
  const url = 'https://gocphoxua.blogspot.com/2021/06/cho-que-ngay-mua.html?m=1';
  const items = extract('blogger-threaded.html', url);
  const [post, ...comments] = items;

  it('gives one post with title, author, time and body without the ad widget', () => {
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(1);
    expect(post).toMatchObject({
      kind: 'post',
      url: 'https://gocphoxua.blogspot.com/2021/06/cho-que-ngay-mua.html',
      title: 'Chợ quê ngày mưa',
      author: 'Lê Thu Hà',
      authorUrl: 'https://www.blogger.com/profile/01234567890123456789',
      externalId: '7788990011223344556',
    });
    expect(post?.publishedAt?.toISOString()).toBe('2021-06-12T01:04:00.000Z');
    expect(post?.text).toContain('Bà Tư bán rau ở đầu chợ nói: "Mưa thì mưa');
    expect(post?.text).toContain('canh & kho tộ');
    expect(post?.text).toContain('xanh mướt 🌿.');
    for (const furniture of ['Vay tiền', 'Quảng cáo', 'Nhà cái', 'Chia sẻ lên Facebook', 'Người đăng', 'Lưu trữ']) {
      expect(post?.text).not.toContain(furniture);
    }
    // <br><br> separates paragraphs.
    expect(post?.text.split('\n\n')[0]).toBe(
      'Sáng thứ Bảy, trời đổ mưa từ sớm. Chợ quê vẫn họp như mọi ngày, chỉ có điều người ta che thêm những tấm bạt xanh đỏ.',
    );
  });

  it('gives exactly the six comments with author, exact time from showComment, and text', () => {
    expect(comments.map((c) => [c.externalId, c.author, c.publishedAt?.toISOString()])).toEqual([
      ['1111111111111111111', 'Trần Minh Khoa', '2021-06-12T02:30:00.000Z'],
      ['2222222222222222222', 'Lê Thu Hà', '2021-06-12T03:15:00.000Z'],
      ['3333333333333333333', 'Trần Minh Khoa', '2021-06-12T05:00:00.000Z'],
      ['4444444444444444444', 'Ẩn danh', '2021-06-12T10:45:00.000Z'],
      ['5555555555555555555', 'Phạm Quân', '2021-06-13T00:20:00.000Z'],
      ['6666666666666666666', 'Lê Thu Hà', '2021-06-13T14:05:00.000Z'],
    ]);
    expect(comments[0]?.text).toBe('Đọc mà nhớ quê quá chị ơi 😢\nHồi nhỏ em cũng hay theo mẹ đi chợ như vậy.');
    expect(comments[2]?.text).toBe('Dạ em ở Thái Bình <3 Chợ quê em giờ cũng đổi khác nhiều rồi.');
    expect(comments[4]?.authorUrl).toBe('https://nguoiquan.example.vn/');
    expect(comments.every((c) => !c.text.includes('Trả lời') && !c.text.includes('Xóa'))).toBe(true);
  });

  it('parents replies to their parent comment and every chain ends at the post', () => {
    const p = post?.url ?? '';
    expect(comments.map((c) => c.parentUrl)).toEqual([p, `${p}#c1111111111111111111`, `${p}#c2222222222222222222`, `${p}#c1111111111111111111`, p, `${p}#c5555555555555555555`]);
    expect(comments[0]?.url).toBe(`${p}#c1111111111111111111`);
    expectChainsEndAtPost(items);
  });
});

describe('Blogger classic template (dl/dt/dd)', () => {
  const items = extract('blogger-classic.html', 'http://nhatkythaygiao.blogspot.com/2012/09/ngay-khai-truong.html');
  it('reads the post and its three comments, anonymous included', () => {
    const [post, ...comments] = items;
    expect(post).toMatchObject({ title: 'Ngày khai trường', author: 'Thầy Nguyễn Văn Bình' });
    expect(post?.publishedAt?.toISOString()).toBe('2012-09-05T00:30:00.000Z');
    expect(post?.text).not.toContain('Mùa hè ở làng');
    expect(post?.text).toContain('Buổi lễ ngắn gọn.');
    expect(comments.map((c) => [c.author, c.publishedAt?.toISOString(), c.parentUrl])).toEqual([
      ['Hoa', '2012-09-05T03:00:00.000Z', post?.url],
      ['Ẩn danh', '2012-09-05T12:00:00.000Z', post?.url],
      ['Thầy Nguyễn Văn Bình', '2012-09-06T01:00:00.000Z', post?.url],
    ]);
    expect(comments[0]?.text).toBe('Chúc thầy và các em một năm học mới thật vui!\n\nNhớ giữ gìn sức khỏe nha thầy.');
    expect(comments[1]?.text).toBe('Trường mình năm nay có sửa lại mái không thầy? Mùa mưa năm ngoái dột quá…');
  });
});

describe('Blogger Contempo theme', () => {
  const items = extract('blogger-contempo.html', 'https://sotaybepnha.blogspot.com/2023/03/banh-xeo-mien-tay.html');
  it('reads time[datetime], strips share/related/ad blocks, and threads the reply', () => {
    const [post, ...comments] = items;
    expect(post?.title).toBe('Cách làm bánh xèo miền Tây giòn rụm');
    expect(post?.author).toBe('Út Mén');
    expect(post?.publishedAt?.toISOString()).toBe('2023-03-18T12:30:00.000Z');
    for (const furniture of ['Thẻ tín dụng', 'Bánh khọt', 'Chia sẻ', 'Tweet', 'Vay tiêu dùng']) expect(post?.text).not.toContain(furniture);
    expect(post?.text).toContain('nghe tiếng “xèo” là được 🔥.');
    expect(comments).toHaveLength(2);
    expect(comments[1]?.parentUrl).toBe(comments[0]?.url);
    expectChainsEndAtPost(items);
  });
});

describe('Blogger list pages', () => {
  it('gives each post of a home page with its permalink, and no comments', () => {
    const one = fixture('blogger-threaded.html').match(/<div class='post-outer'>[\s\S]*?<div class='comments' id='comments'>/)?.[0] ?? '';
    const two = one.replace(/Chợ quê ngày mưa/g, 'Mưa đầu mùa').replace(/7788990011223344556/g, '1234512345123451234');
    const page = `<html><head><meta content='blogger' name='generator'/></head><body><div class='blog-posts hfeed'>${one}</div></div>${two}</div></div></div></body></html>`;
    const items = extractBloggerPage('https://gocphoxua.blogspot.com/', parseHtml(page));
    expect(items.map((i) => [i.kind, i.title, i.externalId])).toEqual([
      ['post', 'Chợ quê ngày mưa', '7788990011223344556'],
      ['post', 'Mưa đầu mùa', '1234512345123451234'],
    ]);
    expect(items[0]?.url).toBe('https://gocphoxua.blogspot.com/2021/06/cho-que-ngay-mua.html');
  });
});

describe('Blogger detection', () => {
  it('recognises a trimmed Blogger page by its comment markup and tells a news page apart', () => {
    const trimmed = fixture('blogger-threaded.html')
      .replace(/<meta content='blogger' name='generator'\/>/, '')
      .replace(/<script[^>]*blogger\.com[^>]*><\/script>/g, '')
      .replace(/<link[^>]*blogger\.com[^>]*>/g, '')
      .replace(/blog-posts/g, 'posts')
      .replace(/id='Blog1'/, '');
    expect(isBloggerPage(parseHtml(trimmed))).toBe(true);
    expect(isBloggerPage(parseHtml(fixture('news-article.html')))).toBe(false);
  });
});
