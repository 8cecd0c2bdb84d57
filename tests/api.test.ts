import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import type { AppContext } from '../src/context.js';
import { ingestBatch } from '../src/pipeline/ingest.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

describeStores('HTTP API', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  beforeAll(async () => {
    ctx = await testContext(h.store);
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());

  const token = async (role: 'admin' | 'viewer' | 'push' = 'admin') =>
    (await createToken(ctx.db, { name: 't', role, outletId: null, now: new Date() })).token;
  const call = async (method: string, path: string, tok: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> };
  };
  const outlet = { type: 'blog', name: 'Góc nhìn', homeUrl: 'https://gocnhin.example/', sources: [{ kind: 'feed', url: 'https://gocnhin.example/feeds/posts/default' }] };

  it('creates, reads, updates and removes an outlet', async () => {
    const tok = await token();
    const created = await call('POST', '/api/v1/outlets', tok, { ...outlet, licenceNumber: '12/GP' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'gocnhin-example', type: 'blog', licenceNumber: '12/GP', sources: outlet.sources });
    expect((await call('GET', '/api/v1/outlets/gocnhin-example', tok)).body.name).toBe('Góc nhìn');
    const patched = await call('PATCH', '/api/v1/outlets/gocnhin-example', tok, { status: 'paused', responsiblePerson: 'Trần B' });
    expect(patched.body).toMatchObject({ status: 'paused', responsiblePerson: 'Trần B', name: 'Góc nhìn' });
    expect((await call('GET', '/api/v1/outlets', tok)).body.outlets).toHaveLength(1);
    expect((await call('DELETE', '/api/v1/outlets/gocnhin-example', tok)).body).toEqual({ id: 'gocnhin-example', result: 'deleted' });
    expect((await call('GET', '/api/v1/outlets/gocnhin-example', tok)).status).toBe(404);
  });

  it('refuses invalid input with a 400 naming the field, and a duplicate id with 409', async () => {
    const tok = await token();
    const bad = await call('POST', '/api/v1/outlets', tok, { ...outlet, homeUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.body.error.message).toContain('homeUrl');
    const badType = await call('POST', '/api/v1/outlets', tok, { ...outlet, type: 'opposition' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('type');
    expect((await call('POST', '/api/v1/outlets', tok, '{not json')).status).toBe(400);
    expect((await call('POST', '/api/v1/outlets', tok, outlet)).status).toBe(201);
    expect((await call('POST', '/api/v1/outlets', tok, outlet)).status).toBe(409);
  });

  it('requires a token, and a role that has the permission', async () => {
    expect((await call('GET', '/api/v1/outlets', null)).status).toBe(401);
    expect((await call('GET', '/api/v1/outlets', 'kt_wrong')).status).toBe(401);
    const viewer = await token('viewer');
    expect((await call('GET', '/api/v1/outlets', viewer)).status).toBe(200);
    const denied = await call('POST', '/api/v1/outlets', viewer, outlet);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    expect((await call('GET', '/api/v1/outlets', await token('push'))).status).toBe(403);
  });

  it('pages through documents with a keyset cursor', async () => {
    const tok = await token();
    await call('POST', '/api/v1/outlets', tok, outlet);
    const items = Array.from({ length: 5 }, (_, i) => ({
      kind: 'post' as const, url: `https://gocnhin.example/p/${i}.html`, parentUrl: null, externalId: null,
      title: `Bài ${i}`, author: null, authorUrl: null, publishedAt: null, text: `Nội dung ${i}`,
    }));
    for (const item of items) await ingestBatch(ctx, { outletId: 'gocnhin-example', items: [item], snapshot: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Record<string, any> } = await call('GET', `/api/v1/documents?limit=2${cursor ? `&cursor=${cursor}` : ''}`, tok);
      seen.push(...page.body.documents.map((d: { title: string }) => d.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['Bài 0', 'Bài 1', 'Bài 2', 'Bài 3', 'Bài 4']);
    expect((await call('GET', '/api/v1/documents?cursor=garbage', tok)).status).toBe(400);
    expect((await call('GET', '/api/v1/documents?limit=100000', tok)).status).toBe(400);
  });

  it('serves the OpenAPI document with every API route', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of createApp(ctx).routes.filter((r) => r.path.startsWith('/api/'))) {
      expect(Object.keys(doc.paths)).toContain(r.path);
    }
  });

  it('escapes crawled content on the overview page', async () => {
    const tok = await token();
    await call('POST', '/api/v1/outlets', tok, outlet);
    await ingestBatch(ctx, {
      outletId: 'gocnhin-example',
      items: [{ kind: 'post', url: 'https://gocnhin.example/x.html', parentUrl: null, externalId: null, title: '<script>alert("xss")</script><img src=x onerror=alert(1)>', author: '"><b>', authorUrl: null, publishedAt: null, text: 'x' }],
      snapshot: null,
    });
    const html = await (await app.request('/')).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  });
});
