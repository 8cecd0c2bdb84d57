import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import type { AppContext } from '../src/context.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

const claimReview = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://kiemchung.example/nuoc-chanh',
  claimReviewed: 'Uống nước chanh ấm mỗi sáng chữa khỏi ung thư',
  reviewRating: { '@type': 'Rating', alternateName: 'Sai sự thật' },
  author: { '@type': 'Organization', name: 'Trung tâm Kiểm chứng (demo)' },
  datePublished: '2026-11-20',
  reviewBody: 'Không có nghiên cứu nào cho thấy nước chanh chữa được ung thư.',
  identifier: 'kc-001',
  ...over,
});

describeStores('fact-check API', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  let token: string;
  beforeAll(async () => {
    ctx = await testContext(h.store);
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());
  const post = (body: unknown) =>
    app.request('/api/v1/factchecks/import', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('imports ClaimReview, merges a duplicate instead of doubling it, and publishes the feed', async () => {
    token = (await createToken(ctx.db, { name: 'admin', role: 'admin', outletId: null, now: new Date() })).token;
    const first = (await (await post([claimReview()])).json()) as { added: string[]; merged: string[]; total: number };
    expect(first.added).toHaveLength(1);
    const again = (await (await post([claimReview({ reviewBody: 'Bản cập nhật.' })])).json()) as { added: string[]; merged: string[]; total: number };
    expect(again).toMatchObject({ added: [], total: 1 });
    expect(again.merged).toHaveLength(1);
    const list = (await (await app.request('/api/v1/factchecks', { headers: { authorization: `Bearer ${token}` } })).json()) as { factChecks: Array<{ claim: string; verdict: string }> };
    expect(list.factChecks).toEqual([expect.objectContaining({ verdict: 'false', claim: 'Uống nước chanh ấm mỗi sáng chữa khỏi ung thư' })]);
    const feed = await app.request('/claimreview.json');
    expect(feed.headers.get('content-type')).toContain('application/ld+json');
    expect(JSON.stringify(await feed.json())).toContain('Uống nước chanh ấm mỗi sáng chữa khỏi ung thư');
  });

  it('refuses a ClaimReview with a missing field, naming it, and stores nothing', async () => {
    token = (await createToken(ctx.db, { name: 'admin', role: 'admin', outletId: null, now: new Date() })).token;
    const bad = claimReview();
    delete (bad as Record<string, unknown>).claimReviewed;
    const res = await post([claimReview({ identifier: 'kc-002', claimReviewed: 'Một tin khác' }), bad]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain('claimReviewed');
    const list = (await (await app.request('/api/v1/factchecks', { headers: { authorization: `Bearer ${token}` } })).json()) as { factChecks: unknown[] };
    expect(list.factChecks).toEqual([]);
  });
});
