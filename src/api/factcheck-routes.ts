import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { toClaimReviewJsonLd } from '../detect/claims/index.js';
import type { AppContext } from '../context.js';
import { importFactChecks, loadFactChecks, requireFactCheck } from '../pipeline/factchecks.js';
import type { ApiEnv } from './auth.js';
import { API_PREFIX, mountUnvalidated, type Declare } from './routing.js';

const factCheckJson = z.record(z.string(), z.unknown()).openapi('FactCheck');

/** The fact-check registry over HTTP: list, show, import (JSON or ClaimReview), ClaimReview export. */
export function registerFactCheckRoutes(app: OpenAPIHono<ApiEnv>, ctx: AppContext, declare: Declare, errors: object): void {
  const err = errors as Record<number, never>;
  app.openapi(
    declare('findings:read', {
      method: 'get',
      path: `${API_PREFIX}/factchecks`,
      request: { query: z.object({ status: z.enum(['draft', 'published', 'withdrawn']).optional() }) },
      responses: { 200: { description: 'Fact-checks', content: { 'application/json': { schema: z.object({ factChecks: z.array(factCheckJson) }) } } }, ...err },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      return c.json({ factChecks: await loadFactChecks(ctx.db, status ? { status } : {}) }, 200);
    },
  );
  app.openapi(
    declare('findings:read', {
      method: 'get',
      path: `${API_PREFIX}/factchecks/{id}`,
      request: { params: z.object({ id: z.string().min(1).max(300) }) },
      responses: { 200: { description: 'One fact-check (internal or external id)', content: { 'application/json': { schema: factCheckJson } } }, ...err },
    }),
    async (c) => c.json(await requireFactCheck(ctx.db, c.req.valid('param').id), 200),
  );
  // Public ClaimReview feed of published fact-checks, the format fact-checkers and search engines read.
  const feed = declare(null, {
    method: 'get',
    path: '/claimreview.json',
    responses: { 200: { description: 'schema.org ClaimReview JSON-LD of published fact-checks', content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } } } },
  });
  mountUnvalidated(app, feed, async (c) => {
    c.header('content-type', 'application/ld+json; charset=utf-8');
    return c.body(JSON.stringify(toClaimReviewJsonLd(await loadFactChecks(ctx.db, { status: 'published' }))), 200);
  });
  // Validated by the registry parser (which names the missing field and item), not by a route schema.
  const importRoute = declare('factchecks:write', {
    method: 'post',
    path: `${API_PREFIX}/factchecks/import`,
    request: { body: { content: { 'application/json': { schema: z.unknown().openapi({ description: 'a JSON array of {id, claim, verdict, correction} or ClaimReview JSON-LD' }) } }, required: true } },
    responses: {
      200: { description: 'Added and merged ids', content: { 'application/json': { schema: z.object({ added: z.array(z.string()), merged: z.array(z.string()), total: z.number() }) } } },
      ...err,
    },
  });
  mountUnvalidated(app, importRoute, async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError('INVALID_INPUT', 'Malformed JSON body');
    });
    const report = await importFactChecks(ctx, body, `token:${c.get('principal').name}`);
    await ctx.reloadDetectors(); // new fact-checks are matched from the next batch on
    return c.json(report, 200);
  });
}
