import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type RouteInfo } from '../src/api/app.js';
import { requirePermission } from '../src/api/auth.js';
import { registerReviewRoutes } from '../src/api/review-routes.js';
import { systemClock } from '../src/core/clock.js';
import { can, ROLES, type Permission } from '../src/core/permissions.js';
import type { AppContext } from '../src/context.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

/**
 * The app and the review routes' declarations. The list comes from a dry registration on a scratch
 * app; the routes are mounted by app.ts (or here, the way app.ts's declare() does, if it does not).
 */
function reviewApp(ctx: AppContext): { app: ReturnType<typeof createApp>['app']; routes: RouteInfo[] } {
  const { app, routes: all } = createApp(ctx);
  const routes: RouteInfo[] = [];
  const declareOn = (mount: boolean) => <R extends Parameters<typeof createRoute>[0]>(permission: Permission | null, route: R) => {
    if (!mount) routes.push({ method: route.method.toUpperCase(), path: route.path, permission });
    return createRoute({ ...route, ...(permission ? { middleware: [requirePermission(ctx.db, permission, ctx.clock)] as never } : {}) });
  };
  registerReviewRoutes(new OpenAPIHono(), ctx, declareOn(false) as never, {});
  if (!all.some((r) => r.path === '/api/v1/queue')) registerReviewRoutes(app, ctx, declareOn(true) as never, {});
  return { app, routes };
}

describeStores('review routes: roles, accounts and sessions', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof reviewApp>['app'];
  let routes: RouteInfo[];
  beforeAll(async () => {
    ctx = await testContext(h.store, { clock: systemClock, detectors: [] });
    ({ app, routes } = reviewApp(ctx));
  });
  afterAll(() => ctx.close());

  it('allows each review route only to the roles that hold its permission, and answers bad input with 4xx', async () => {
    expect(routes.length).toBeGreaterThan(25);
    const tokens = new Map<string, string>();
    for (const role of ROLES) tokens.set(role, (await createToken(ctx.db, { name: role, role, outletId: null, now: new Date() })).token);
    const wrong: string[] = [];
    for (const route of routes) {
      const path = route.path.replace('{id}', 'nonexistent');
      for (const role of [...ROLES, null]) {
        const res = await app.request(path, {
          method: route.method,
          headers: { ...(role ? { authorization: `Bearer ${tokens.get(role)}` } : {}), 'content-type': 'application/json' },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const allowed = route.permission === null || (role !== null && can(role, route.permission));
        if (allowed && (res.status === 401 || res.status === 403)) wrong.push(`${route.method} ${path} as ${role}: ${res.status}`);
        if (!allowed && res.status !== (role === null ? 401 : 403)) wrong.push(`${route.method} ${path} as ${role}: ${res.status}, expected refusal`);
        if (res.status >= 500) wrong.push(`${route.method} ${path} as ${role}: ${res.status}`);
        if (allowed && res.status >= 400) {
          const body = (await res.json()) as { error?: { message?: string } };
          if (!body.error?.message) wrong.push(`${route.method} ${path} as ${role}: ${res.status} without a message`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('signs a person in with a password, keeps the session in a secure cookie, and signs out', async () => {
    const admin = (await createToken(ctx.db, { name: 'admin', role: 'admin', outletId: null, now: new Date() })).token;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const weak = await post('/api/v1/users', { username: 'lan', role: 'reviewer', password: 'short' }, { authorization: `Bearer ${admin}` });
    expect(weak.status).toBe(400);
    const created = await post('/api/v1/users', { username: 'lan', displayName: 'Trần Thị Lan', role: 'reviewer', password: 'mật khẩu dài đủ' }, { authorization: `Bearer ${admin}` });
    expect(created.status).toBe(201);
    const stored = await ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'lan').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain('mật khẩu');

    expect((await post('/api/v1/session', { username: 'lan', password: 'wrong password' })).status).toBe(401);
    expect((await post('/api/v1/session', { username: 'nobody', password: 'wrong password' })).status).toBe(401);
    const local = await post('/api/v1/session', { username: 'lan', password: 'mật khẩu dài đủ' });
    expect(local.status).toBe(200);
    const cookie = local.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kiemtin_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const remote = await app.request('https://kiemtin.example/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lan', password: 'mật khẩu dài đủ' }) });
    expect(remote.headers.get('set-cookie')).toContain('Secure');
    const sessionHeader = { cookie: cookie.split(';')[0]! };
    // Only the hash of the session id is stored.
    const sessions = await ctx.db.selectFrom('user_sessions').select('id_sha256').execute();
    expect(sessions.map((s) => s.id_sha256)).not.toContain(sessionHeader.cookie.split('=')[1]);

    expect((await app.request('/api/v1/queue', { headers: sessionHeader })).status).toBe(200);
    expect((await app.request('/api/v1/users', { headers: sessionHeader })).status).toBe(403);
    // Bearer tokens keep working next to sessions.
    expect((await app.request('/api/v1/users', { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);

    const out = await app.request('/api/v1/session', { method: 'DELETE', headers: sessionHeader });
    expect(await out.json()).toEqual({ closed: true });
    expect((await app.request('/api/v1/queue', { headers: sessionHeader })).status).toBe(401);
    const entries = await ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['user.created', 'session.opened', 'session.opened', 'session.closed']);
  });
});
