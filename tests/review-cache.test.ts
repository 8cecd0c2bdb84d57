import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { AUTH_CACHE_TTL_MS } from '../src/api/auth.js';
import { fixedClock } from '../src/core/clock.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import type { AppContext } from '../src/context.js';
import { triageFindings } from '../src/review/cases.js';
import { QUEUE_CACHE_TTL_MS } from '../src/review/queue-cache.js';
import { ingestItems } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { createToken, revokeToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

// The queue page cache and the credential cache (docs/review.md): changes made through this process
// show at once, changes made elsewhere within the documented bound.
describeStores('review queue and credential caches', (h) => {
  const clock = fixedClock(new Date('2026-11-28T00:00:00Z'));
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  beforeAll(async () => {
    ctx = await testContext(h.store, { clock, detectors: [] });
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());
  beforeEach(() => clock.set(new Date('2026-11-28T00:00:00Z')));

  async function seed(n: number): Promise<string> {
    const db = h.store.db;
    await createOutlet(db, outletInputSchema.parse({ id: 'tin', type: 'blog', name: 'Tin', homeUrl: 'https://tin.example/' }), clock.now());
    const items = Array.from({ length: n }, (_, i) => ({ kind: 'post' as const, url: `https://tin.example/${i}`, parentUrl: null, externalId: null, title: `Bài ${i}`, author: null, authorUrl: null, publishedAt: new Date('2026-11-20T00:00:00Z'), text: `Nội dung ${i}` }));
    const r = await db.transaction().execute((trx) => ingestItems(trx, { outletId: 'tin', items, snapshotSha256: null, seenAt: clock.now() }));
    await db
      .insertInto('findings')
      .values(r.items.map((it, i) => ({ document_id: it.id, document_version: 1, detector: 't', detector_version: '1', category: 'spam', score: 0.6 + i * 0.05, explanation: 'x', evidence: '{}', created_at: clock.now() })))
      .execute();
    await triageFindings({ db, clock });
    return (await createToken(db, { name: 'lan', role: 'reviewer', outletId: null, now: clock.now() })).token;
  }
  const numbers = async (token: string) => {
    const res = await app.request('/api/v1/queue?limit=10', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<{ number: string }> }).items.map((c) => c.number);
  };

  it('a decision removes the case from the next listing at once; a change from another process shows within the cache lifetime', async () => {
    const token = await seed(3);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const before = await numbers(token);
    expect(before).toHaveLength(3);
    const top = before[0]!;
    // The page carries an ETag; asking again with it answers 304 and no body, a wrong one the page.
    const first = await app.request('/api/v1/queue?limit=10', { headers: auth });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('content-type')).toContain('application/json');
    const same = await app.request('/api/v1/queue?limit=10', { headers: { ...auth, 'if-none-match': `W/"other", ${etag}` } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    expect((await app.request('/api/v1/queue?limit=10', { headers: { ...auth, 'if-none-match': '"other"' } })).status).toBe(200);
    // Queries are validated once per query string; a refused one is refused every time, naming the field.
    for (let i = 0; i < 2; i++) {
      const bad = await app.request('/api/v1/queue?limit=0', { headers: auth });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('limit') });
    }
    expect((await app.request('/api/v1/queue?limit=10&limit=20', { headers: auth })).status).toBe(400);
    expect((await app.request(`/api/v1/cases/${top}/claim`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    const decided = await app.request(`/api/v1/cases/${top}/decision`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ outcome: 'no-violation', category: 'spam', action: 'none', legalBasis: [], facts: 'Không vi phạm', explanation: 'Nội dung hợp lệ' }),
    });
    expect(decided.status).toBe(201);
    // Same instant: no cache expiry helps here, the decision itself must drop the cached page.
    expect(await numbers(token)).toEqual(before.slice(1));
    // The ETag taken before the decision no longer matches: the changed page comes in full.
    const changed = await app.request('/api/v1/queue?limit=10', { headers: { ...auth, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    // Another process closes a case (same database, not through this process).
    await h.store.db.updateTable('review_cases').set({ state: 'closed', closed_at: clock.now() }).where('number', '=', before[1]!).execute();
    clock.advance(QUEUE_CACHE_TTL_MS);
    expect(await numbers(token)).toEqual(before.slice(2));
  });

  it('a token revoked elsewhere stops working within the credential cache lifetime', async () => {
    const token = await seed(1);
    expect(await numbers(token)).toHaveLength(1);
    const id = (await h.store.db.selectFrom('api_tokens').select('id').where('name', '=', 'lan').executeTakeFirstOrThrow()).id;
    // As `kiemtin tokens revoke` does from another process.
    expect(await revokeToken(h.store.db, id, clock.now())).toBe(true);
    clock.advance(AUTH_CACHE_TTL_MS);
    const res = await app.request('/api/v1/queue', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });
});
