import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import type { AppContext } from '../src/context.js';
import { countDocuments, listDocuments } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { createToken } from '../src/store/tokens.js';
import { runCli } from './_util/cli.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const post = { outlet: 'mxh', kind: 'post', url: 'https://mxh.example/p/1', title: 'Bài đăng', author: 'Hà', publishedAt: '12/06/2021 08:04', text: 'Xin chào cả nhà' };
const comment = { outlet: 'mxh', kind: 'comment', url: 'https://mxh.example/p/1#comment-1', parentUrl: 'https://mxh.example/p/1', author: 'Lan', text: 'Chào bạn' };

describeStores('push API', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  beforeAll(async () => {
    ctx = await testContext(h.store);
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());
  const setup = async () => {
    for (const id of ['mxh', 'other'])
      await createOutlet(ctx.db, outletInputSchema.parse({ id, type: 'social-page', name: id, homeUrl: `https://${id}.example/` }), new Date());
    return (await createToken(ctx.db, { name: 'platform', role: 'push', outletId: 'mxh', now: new Date() })).token;
  };
  const push = (token: string, body: string, type: string) =>
    app.request('/api/v1/push', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

  it('stores pushed JSON lines, reports bad lines by number, and is idempotent', async () => {
    const token = await setup();
    const body = [line(post), '{"outlet": "mxh", "kind": "post"', line(comment), line({ ...comment, url: 'https://mxh.example/p/1#comment-2', parentUrl: undefined })].join('\n');
    const res = await push(token, body, 'application/x-ndjson');
    const report = (await res.json()) as { inserted: number; errors: Array<{ at: number; code: string; message: string }> };
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report.inserted).toBe(2);
    expect(report.errors.map((e) => [e.at, e.code])).toEqual([[2, 'PARSE_JSON'], [4, 'INVALID_INPUT']]);
    expect(report.errors[1]!.message).toContain('parentUrl');
    const again = (await (await push(token, body, 'application/x-ndjson')).json()) as { inserted: number; unchanged: number };
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
    const [stored] = await listDocuments(ctx.db, { kind: 'post', limit: 1 });
    expect(stored?.publishedAt?.toISOString()).toBe('2021-06-12T01:04:00.000Z');
    expect(stored?.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a push token to its own outlet and takes a JSON body too', async () => {
    const token = await setup();
    const res = await push(token, JSON.stringify({ items: [post, { ...post, outlet: 'other', url: 'https://other.example/1' }] }), 'application/json');
    const report = (await res.json()) as { inserted: number; errors: Array<{ at: number; code: string }> };
    expect(report.inserted).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ at: 2, code: 'FORBIDDEN' })]);
    expect(await countDocuments(ctx.db)).toBe(1);
  });
});

describe('kiemtin import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiemtin-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a JSON-lines file into the embedded store, naming the lines it refused', { timeout: 120_000 }, async () => {
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, [line(post), line(comment), 'not json', line({ ...post, outlet: 'unknown' })].join('\n') + '\n');
    const env = { KIEMTIN_DATA_DIR: join(dir, 'store') };
    const add = await runCli(['outlets', 'add', '--id', 'mxh', '--type', 'social-page', '--name', 'Mạng xã hội', '--home-url', 'https://mxh.example/'], { env });
    expect(add.code).toBe(0);
    const r = await runCli(['import', file, '--json'], { env });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { inserted: number; errors: Array<{ at: number; code: string }> };
    expect(report.inserted).toBe(2);
    expect(report.errors.map((e) => [e.at, e.code])).toEqual([[3, 'PARSE_JSON'], [4, 'NOT_FOUND']]);
  });
});
