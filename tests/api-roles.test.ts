import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type RouteInfo } from '../src/api/app.js';
import { SIGNED_IN } from '../src/api/auth.js';
import { can, ROLES } from '../src/core/permissions.js';
import type { AppContext } from '../src/context.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

// Every route declares its permission; every role may call it exactly where the declaration says.
describeStores('route × role matrix', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  let routes: RouteInfo[];
  beforeAll(async () => {
    ctx = await testContext(h.store);
    ({ app, routes } = createApp(ctx));
  });
  afterAll(() => ctx.close());

  it('allows each route only to the roles that hold its permission', async () => {
    // Every route of the app, the review workflow's included.
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.some((r) => r.path === '/api/v1/queue')).toBe(true);
    // Who-am-I is open to every signed-in role, and only to them.
    expect(routes.find((r) => r.path === '/api/v1/me')?.permission).toBe(SIGNED_IN);
    // The legal registry: read by whoever works the queue, changed by an admin only.
    const legal = routes.filter((r) => r.path.startsWith('/api/v1/legal-provisions')).map((r) => `${r.method} ${r.path} ${r.permission}`);
    expect(legal.sort()).toEqual([
      'GET /api/v1/legal-provisions queue:read',
      'GET /api/v1/legal-provisions/{id} queue:read',
      'PATCH /api/v1/legal-provisions/{id} legal:write',
      'POST /api/v1/legal-provisions legal:write',
    ]);
    expect(ROLES.filter((role) => can(role, 'legal:write'))).toEqual(['admin']);
    const tokens = new Map<string, string>();
    for (const role of ROLES) tokens.set(role, (await createToken(ctx.db, { name: role, role, outletId: null, now: new Date() })).token);
    const denied: string[] = [];
    const wrong: string[] = [];
    for (const route of routes) {
      const path = route.path.replace('{id}', 'nonexistent');
      for (const role of [...ROLES, null]) {
        const res = await app.request(path, {
          method: route.method,
          headers: { ...(role ? { authorization: `Bearer ${tokens.get(role)}` } : {}), 'content-type': 'application/json' },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const allowed = route.permission === null || (role !== null && (route.permission === SIGNED_IN || can(role, route.permission)));
        const status = res.status;
        if (allowed && (status === 401 || status === 403)) wrong.push(`${route.method} ${path} as ${role}: ${status}`);
        if (!allowed) {
          if (status !== (role === null ? 401 : 403)) wrong.push(`${route.method} ${path} as ${role}: ${status}, expected refusal`);
          else denied.push(`${route.method} ${path} ${role}`);
        }
        if (status >= 500) wrong.push(`${route.method} ${path} as ${role}: ${status}`);
        // Invalid input gets a 4xx with a message that says what is wrong.
        if (allowed && status >= 400 && status < 500) {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          if (!body?.error?.message) wrong.push(`${route.method} ${path} as ${role}: ${status} without a message`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(denied.length).toBeGreaterThan(0);
  });
});
