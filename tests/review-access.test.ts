import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { systemClock } from '../src/core/clock.js';
import { ROLE_PERMISSIONS } from '../src/core/permissions.js';
import type { AppContext } from '../src/context.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

// The route × role matrix for every route, review routes included, is tests/api-roles.test.ts.
describeStores('review routes: accounts and sessions', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  beforeAll(async () => {
    ctx = await testContext(h.store, { clock: systemClock, detectors: [] });
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());

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
    // Who am I: the session's account, its role and what the role may do (the UI reads it after a reload).
    const me = await app.request('/api/v1/me', { headers: sessionHeader });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { kind: 'user', username: 'lan', displayName: 'Trần Thị Lan', outletId: null },
      role: 'reviewer',
      permissions: [...ROLE_PERMISSIONS.reviewer],
    });
    const meToken = (await (await app.request('/api/v1/me', { headers: { authorization: `Bearer ${admin}` } })).json()) as { user: unknown; role: string; permissions: string[] };
    expect(meToken.user).toEqual({ kind: 'token', username: null, displayName: 'admin', outletId: null });
    expect(meToken.role).toBe('admin');
    expect(meToken.permissions).toContain('users:admin');
    expect((await app.request('/api/v1/me')).status).toBe(401);
    // Bearer tokens keep working next to sessions.
    expect((await app.request('/api/v1/users', { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);

    const out = await app.request('/api/v1/session', { method: 'DELETE', headers: sessionHeader });
    expect(await out.json()).toEqual({ closed: true });
    expect((await app.request('/api/v1/queue', { headers: sessionHeader })).status).toBe(401);
    expect((await app.request('/api/v1/me', { headers: sessionHeader })).status).toBe(401);
    const entries = await ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['user.created', 'session.opened', 'session.opened', 'session.closed']);
  });
});
