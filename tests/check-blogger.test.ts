import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.js';
import { loadConfig } from '../src/core/config.js';
import { checkTarget, type CheckResult } from '../src/pipeline/check.js';
import { createHttpFetcher } from '../src/sources/fetch/http-fetcher.js';
import { createDefaultDetectors } from '../src/detect/registry.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

const page = readFileSync(new URL('./fixtures/pages/blogger-simple-12-comments.html', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('./fixtures/pages/blogger-simple-12-comments.expected.json', import.meta.url), 'utf8')) as Array<{
  id: number; parent: number | null; author: string; publishedAt: string; text: string;
}>;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// The foundation's acceptance check, on a page of our own: a Blogger post with 12 threaded comments and
// ads/sidebar widgets, served over HTTP on 127.0.0.1.
describe('check on a Blogger post page', () => {
  let server: FixtureServer;
  let result: CheckResult;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.static('/2021/06/mua-ve-tren-doi-che.html', page);
    const fetcher = createHttpFetcher(loadConfig({ KIEMTIN_ALLOW_HOSTS: '127.0.0.1', KIEMTIN_HOST_MIN_DELAY_MS: '0' }).fetch);
    result = await checkTarget(
      { fetcher, detectors: createDefaultDetectors({}), clock: fixedClock(new Date('2021-06-20T00:00:00Z')), maxFileBytes: 1e6 },
      `${server.origin}/2021/06/mua-ve-tren-doi-che.html`,
    );
    await fetcher.close();
  });
  afterAll(() => server.close());

  it('gives one post with its title and the article text, without the widgets', () => {
    const posts = result.documents.filter((d) => d.kind === 'post');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.title).toBe('Mùa về trên đồi chè');
    expect(post.author).toBe('Gió Núi');
    expect(post.publishedAt).toBe('2021-06-12T00:30:00.000Z');
    expect(post.text).toContain('Tháng sáu, những đồi chè ở xã Tân Cương xanh mướt');
    expect(post.text).toContain('hàng chè thẳng tắp.');
    for (const furniture of ['QUẢNG CÁO', 'Vay nhanh', 'voucher', 'Bài đăng phổ biến', 'Chia sẻ lên Facebook', 'Trang chủ', 'Lưu trữ Blog', 'Nhãn', 'Thêm nhận xét', 'Trả lời']) {
      expect(post.text).not.toContain(furniture);
    }
  });

  it('gives exactly the 12 comments, each with author, time and text as published, under the post', () => {
    const post = result.documents.find((d) => d.kind === 'post')!;
    const comments = result.documents.filter((d) => d.kind === 'comment');
    expect(comments).toHaveLength(12);
    const byExternal = new Map(comments.map((c) => [c.url.split('#c')[1], c]));
    for (const e of expected) {
      const c = byExternal.get(String(e.id));
      expect(c, `comment c${e.id}`).toBeDefined();
      expect(c!.author).toBe(e.author);
      expect(c!.publishedAt).toBe(e.publishedAt);
      expect(squash(c!.text)).toBe(squash(e.text));
      expect(c!.parentId).toBe(post.id);
      expect(c!.replyToId).toBe(e.parent === null ? null : byExternal.get(String(e.parent))!.id);
    }
  });
});
