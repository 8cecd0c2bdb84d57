import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import type { ApiEnv } from './auth.js';
import { readStatic } from './static.js';
import { registerWebRoutes } from './web.js';

describe('serving the built UI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiemtin-web-'));
  mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'site', 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(dir, 'secret.json'), '{"token":"x"}');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const site = join(dir, 'site');

  it('reads files of the site, hashed bundles as immutable, and nothing outside it', async () => {
    expect(await readStatic(site, 'assets/index-abc.js')).toMatchObject({
      type: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    expect(await readStatic(site, 'index.html')).toMatchObject({
      type: 'text/html; charset=utf-8',
      immutable: false,
    });
    expect(await readStatic(site, '../secret.json')).toBeNull();
    expect(await readStatic(site, '..%2Fsecret.json')).toBeNull();
    expect(await readStatic(site, '%E0%A4%A')).toBeNull();
    expect(await readStatic(site, 'assets')).toBeNull();
    expect(await readStatic(site, 'missing.js')).toBeNull();
  });

  const appOver = (webDir: string) => {
    const app = new OpenAPIHono<ApiEnv>();
    registerWebRoutes(app, {} as AppContext, [], webDir);
    return app;
  };

  it('serves index.html with the security headers, and 404 for unknown files', async () => {
    const app = appOver(site);
    const res = await app.request('/ui/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ui</title>');
    expect((await app.request('/ui')).headers.get('location')).toBe('/ui/');
    expect((await app.request('/ui/nope.js')).status).toBe(404);
  });

  it('says how to build the UI when it is missing', async () => {
    const res = await appOver(join(dir, 'not-built')).request('/ui/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
