import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../tests/_util/db.js';
import { testContext } from '../../tests/_util/context.js';
import { fixedClock } from '../core/clock.js';
import { outletInputSchema } from '../core/outlet-input.js';
import type { AppContext } from '../context.js';
import { triageFindings } from '../review/cases.js';
import { QUEUE_CACHE_TTL_MS } from '../review/queue-cache.js';
import { ingestItems } from '../store/documents.js';
import { createOutlet } from '../store/outlets.js';
import { createToken } from '../store/tokens.js';
import { createApp } from './app.js';

// GET /api/v1/queue in the codings a browser asks for (docs/review.md, "Response bytes, ETag and
// compression"): the same JSON in each, one validator per coding, 304 per coding.
describeStores('queue listing: content codings', (h) => {
  const clock = fixedClock(new Date('2026-11-28T00:00:00Z'));
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  let token: string;
  beforeAll(async () => {
    ctx = await testContext(h.store, { clock, detectors: [] });
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());

  async function seed(n: number): Promise<void> {
    const db = h.store.db;
    await createOutlet(
      db,
      outletInputSchema.parse({ id: 'tin', type: 'blog', name: 'Tin', homeUrl: 'https://tin.example/' }),
      clock.now(),
    );
    // Titles with markup and quotes: the JSON must come through every coding unchanged.
    const items = Array.from({ length: n }, (_, i) => ({
      kind: 'post' as const,
      url: `https://tin.example/${i}`,
      parentUrl: null,
      externalId: null,
      title: `Bài <b>"${i}"</b> tiếng Việt`,
      author: null,
      authorUrl: null,
      publishedAt: new Date('2026-11-20T00:00:00Z'),
      text: `Nội dung ${i}`,
    }));
    const r = await db
      .transaction()
      .execute((trx) =>
        ingestItems(trx, { outletId: 'tin', items, snapshotSha256: null, seenAt: clock.now() }),
      );
    await db
      .insertInto('findings')
      .values(
        r.items.map((it, i) => ({
          document_id: it.id,
          document_version: 1,
          detector: 't',
          detector_version: '1',
          category: 'spam',
          score: 0.5 + i / (2 * n),
          explanation: 'x',
          evidence: '{}',
          created_at: clock.now(),
        })),
      )
      .execute();
    await triageFindings({ db, clock });
    token = (await createToken(db, { name: 'lan', role: 'reviewer', outletId: null, now: clock.now() }))
      .token;
  }
  const get = (headers: Record<string, string> = {}) =>
    app.request('/api/v1/queue?limit=40', { headers: { authorization: `Bearer ${token}`, ...headers } });
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it('answers in br or gzip when asked, decoding to the same JSON as the uncoded page; 304 per coding', async () => {
    await seed(40);
    const plain = await get();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const json = await bytes(plain);
    expect((JSON.parse(json.toString()) as { items: unknown[] }).items).toHaveLength(40);

    const gz = await get({ 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toContain('application/json');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(gz.headers.get('etag')).toBe(`${etag.slice(0, -1)}-gzip"`);
    const gzBody = await bytes(gz);
    expect(gzBody.length).toBeLessThan(json.length / 3);
    expect(gunzipSync(gzBody).equals(json)).toBe(true);

    // What a browser sends: br is preferred.
    const br = await get({ 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('etag')).toBe(`${etag.slice(0, -1)}-br"`);
    expect(brotliDecompressSync(await bytes(br)).equals(json)).toBe(true);

    // Refused codings are not sent.
    const refused = await get({ 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect((await bytes(refused)).equals(json)).toBe(true);

    // A validator names one coding: it answers 304 for a request in that coding, the page otherwise.
    const notModified = await get({ 'accept-encoding': 'gzip', 'if-none-match': gz.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(gz.headers.get('etag'));
    expect(notModified.headers.get('vary')).toBe('Accept-Encoding');
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
    const otherCoding = await get({ 'if-none-match': gz.headers.get('etag')! });
    expect(otherCoding.status).toBe(200);
    expect((await bytes(otherCoding)).equals(json)).toBe(true);
  });

  it('equivalent filters share one cached page: order of a list, defaults spelt out', async () => {
    await seed(3);
    const numbers = async (query: string) => {
      const res = await app.request(`/api/v1/queue?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Array<{ number: string }> }).items.map((c) => c.number);
    };
    const before = await numbers('category=spam,scam-fraud');
    expect(before).toHaveLength(3);
    // Closed by another process: this process learns of it only when the cached page expires.
    await h.store.db
      .updateTable('review_cases')
      .set({ state: 'closed', closed_at: clock.now() })
      .where('number', '=', before[0]!)
      .execute();
    expect(
      await numbers('limit=50&claim=any&overdue=false&state=open&category=scam-fraud,spam,spam'),
    ).toEqual(before);
    clock.advance(QUEUE_CACHE_TTL_MS);
    expect(await numbers('category=scam-fraud,spam')).toEqual(before.slice(1));
  });

  it('a decision changes the coded page and its validator at once', async () => {
    await seed(3);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const before = await get({ 'accept-encoding': 'gzip' });
    const items = (
      JSON.parse(gunzipSync(await bytes(before)).toString()) as { items: Array<{ number: string }> }
    ).items;
    const top = items[0]!.number;
    expect(
      (await app.request(`/api/v1/cases/${top}/claim`, { method: 'POST', headers: auth, body: '{}' })).status,
    ).toBe(200);
    const decided = await app.request(`/api/v1/cases/${top}/decision`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        outcome: 'no-violation',
        category: 'spam',
        action: 'none',
        legalBasis: [],
        facts: 'Không vi phạm',
        explanation: 'Nội dung hợp lệ',
      }),
    });
    expect(decided.status).toBe(201);
    const after = await get({ 'accept-encoding': 'gzip', 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const now = (
      JSON.parse(gunzipSync(await bytes(after)).toString()) as { items: Array<{ number: string }> }
    ).items.map((c) => c.number);
    expect(now).toEqual(items.slice(1).map((c) => c.number));
  });
});
