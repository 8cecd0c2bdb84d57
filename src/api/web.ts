import type { OpenAPIHono } from '@hono/zod-openapi';
import { html, raw } from 'hono/html';
import type { AppContext } from '../context.js';
import { listDocuments } from '../store/documents.js';
import { listOutlets } from '../store/outlets.js';
import type { ApiEnv } from './auth.js';
import type { RouteInfo } from './routing.js';
import { readStatic, UI_SECURITY_HEADERS, WEB_DIST_DIR } from './static.js';

/**
 * The reviewer UI under `/ui/` (a React app built by `npm run build` into dist/web; docs/ui.md) and a
 * small read-only overview at `/`. Everything crawled is hostile: the overview goes through
 * hono/html's escaping, never into raw(); the UI renders it as React text under a strict CSP.
 */
export function registerWebRoutes(
  app: OpenAPIHono<ApiEnv>,
  ctx: AppContext,
  routes: RouteInfo[],
  webDir: string = WEB_DIST_DIR,
): void {
  routes.push({ method: 'GET', path: '/ui/', permission: null });
  app.get('/ui', (c) => c.redirect('/ui/', 301));
  app.get('/ui/*', async (c) => {
    for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) c.header(name, value);
    const rest = c.req.path.slice('/ui/'.length);
    // The app routes by the URL fragment, so every page is index.html; other paths are its files.
    const file = await readStatic(webDir, rest === '' ? 'index.html' : rest);
    if (!file) {
      if (rest === '' || rest === 'index.html') {
        return c.text(
          'The reviewer UI is not built (dist/web/index.html is missing): run `npm run build` (or `npm ci`, which runs it), then reload.',
          503,
        );
      }
      return c.text(`No UI file ${c.req.path}`, 404);
    }
    c.header('content-type', file.type);
    c.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(file.body, 200);
  });

  routes.push({ method: 'GET', path: '/', permission: null });
  app.get('/', async (c) => {
    const outlets = await listOutlets(ctx.db);
    const docs = await listDocuments(ctx.db, { kind: 'post', limit: 20 });
    const counts = await ctx.db
      .selectFrom('findings')
      .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('category')
      .orderBy('category')
      .execute();
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    c.header('x-content-type-options', 'nosniff');
    return c.html(
      html`<!doctype html>
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <title>kiemtin</title>
            <style>
              ${raw(STYLE)}
            </style>
          </head>
          <body>
            <h1>kiemtin <small>kiểm tin</small></h1>
            <p>
              <a href="/ui/"><strong>Mở giao diện kiểm duyệt (reviewer UI) →</strong></a>
            </p>
            <p>
              Kho: ${ctx.store.kind}. API: <a href="/openapi.json">/openapi.json</a> (cần token:
              <code>kiemtin tokens create</code>).
            </p>
            <h2>Phát hiện theo loại (findings by category)</h2>
            <ul>
              ${counts.map((r) => html`<li>${r.category}: ${Number(r.n)}</li>`)}
            </ul>
            <h2>Nguồn tin (outlets)</h2>
            <table>
              <tr>
                <th>id</th>
                <th>loại</th>
                <th>tên</th>
                <th>giấy phép</th>
                <th>trạng thái</th>
              </tr>
              ${outlets.map(
                (o) =>
                  html`<tr>
                    <td>${o.id}</td>
                    <td>${o.type}</td>
                    <td><a href="${safeHref(o.homeUrl)}" rel="noopener noreferrer">${o.name}</a></td>
                    <td>${o.licenceNumber ?? ''}</td>
                    <td>${o.status}</td>
                  </tr>`,
              )}
            </table>
            <h2>Bài mới (recent posts)</h2>
            <ul>
              ${docs.map((d) => html`<li><a href="${safeHref(d.url)}" rel="noopener noreferrer nofollow">${d.title ?? d.url}</a> — ${d.author ?? ''} <small>${d.publishedAt?.toISOString() ?? ''}</small></li>`)}
            </ul>
          </body>
        </html>`,
    );
  });
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) becomes '#'. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}small{color:#666}`;
