import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './_util/cli.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

// `kiemtin check URL --json` is a public contract: these are the names other tools rely on.
describe('kiemtin check', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.static('/2021/06/cho-que.html', readFileSync(new URL('./fixtures/sources/blogger-threaded.html', import.meta.url)));
  });
  afterAll(() => server.close());

  it('prints one JSON object with the post and every comment, parented', async () => {
    const r = await runCli(['check', `${server.origin}/2021/06/cho-que.html`, '--json', '--allow-host', '127.0.0.1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { documents: Array<Record<string, unknown>>; findings: unknown[] };
    expect(Array.isArray(out.findings)).toBe(true);
    const posts = out.documents.filter((d) => d.kind === 'post');
    const comments = out.documents.filter((d) => d.kind === 'comment');
    expect(posts).toHaveLength(1);
    expect(comments.length).toBeGreaterThan(0);
    for (const d of out.documents) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'kind', 'parentId', 'url', 'title', 'author', 'publishedAt', 'text']));
    }
    const ids = new Set(out.documents.map((d) => d.id));
    for (const c of comments) {
      expect(ids.has(c.parentId)).toBe(true);
      expect(typeof c.author).toBe('string');
      expect(c.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(posts[0]!.parentId).toBeNull();
  });

  it('refuses a private address unless allowed, with a clear message and a non-zero exit', async () => {
    const r = await runCli(['check', `${server.origin}/2021/06/cho-que.html`, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('FETCH_BLOCKED_ADDRESS');
  });

  it('says what is wrong with a missing file', async () => {
    const r = await runCli(['check', 'no/such/page.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/page.html');
  });
});
