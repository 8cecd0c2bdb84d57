import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import { emptyPushReport, ingestPushed, pushErrorOf } from '../pipeline/push.js';
import { parsePushItem, readJsonLines, type PushedItem } from '../sources/jsonl.js';
import { AppError } from '../core/errors.js';
import type { ApiEnv } from './auth.js';
import { API_PREFIX, mountUnvalidated, type Declare } from './routing.js';

const reportSchema = z
  .object({
    received: z.number(),
    inserted: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    findings: z.number(),
    errors: z.array(z.object({ at: z.number(), code: z.string(), message: z.string() })),
  })
  .openapi('PushReport');

/**
 * POST /api/v1/push: platforms send their content, either as JSON `{ "items": [...] }` or as JSON lines
 * (`Content-Type: application/x-ndjson`), one item per line (schema in docs/sources.md). Bad items are
 * reported by index or line; the others are stored.
 */
export function registerPushRoutes(
  app: OpenAPIHono<ApiEnv>,
  ctx: AppContext,
  declare: Declare,
  errors: object,
): void {
  // Declared for the OpenAPI document, but the body is validated item by item in the handler (a bad
  // item must not refuse the whole batch), so the route is mounted without the schema validator.
  const route = declare('push:write', {
    method: 'post',
    path: `${API_PREFIX}/push`,
    request: {
      body: {
        content: {
          // Items are validated one by one (a bad item is reported, the others stored), not here.
          'application/json': {
            schema: z.object({
              items: z.array(z.unknown()).openapi({ description: 'each item: {outlet, kind, url, parentUrl?, externalId?, title?, author?, authorUrl?, publishedAt?, text} (docs/sources.md)' }),
            }),
          },
          'application/x-ndjson': { schema: z.string().openapi({ description: 'one item per line' }) },
        },
        required: true,
      },
    },
    responses: {
      200: {
        description: 'What was stored, and the items refused',
        content: { 'application/json': { schema: reportSchema } },
      },
      ...(errors as Record<number, never>),
    },
  });
  mountUnvalidated(app, route, async (c) => {
    const principal = c.get('principal');
    const report = emptyPushReport();
    const ok: Array<{ at: number; value: PushedItem }> = [];
    const type = c.req.header('content-type') ?? '';
    if (type.includes('ndjson') || type.includes('jsonl')) {
      for await (const r of readJsonLines([await c.req.text()])) {
        if (r.ok) ok.push({ at: r.line, value: r.value });
        else {
          report.received++;
          report.errors.push(pushErrorOf(r.line, r.error));
        }
      }
    } else {
      const body = (await c.req.json().catch(() => {
        throw new AppError(
          'INVALID_INPUT',
          'Malformed JSON body; send {"items":[...]} or JSON lines with Content-Type application/x-ndjson',
        );
      })) as { items?: unknown };
      if (!Array.isArray(body.items)) throw new AppError('INVALID_INPUT', 'items: must be an array of items');
      if (body.items.length > 10_000)
        throw new AppError('PAYLOAD_TOO_LARGE', 'items: at most 10,000 items per request');
      body.items.forEach((item, i) => {
        try {
          ok.push({ at: i + 1, value: parsePushItem(item) });
        } catch (err) {
          report.received++;
          report.errors.push(pushErrorOf(i + 1, err));
        }
      });
    }
    await ingestPushed(ctx, ok, report, { onlyOutlet: principal.outletId });
    return c.json(report, 200);
  });
}
