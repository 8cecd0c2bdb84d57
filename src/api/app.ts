import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../core/errors.js';
import { outletInputSchema, outletPatchSchema } from '../core/outlet-input.js';
import type { AppContext } from '../context.js';
import { listDeadLetters } from '../store/dead-letters.js';
import { getDocument, listDocuments, listVersions } from '../store/documents.js';
import { listFindings } from '../store/findings.js';
import { createOutlet, listOutlets, removeOutlet, requireOutlet, updateOutlet } from '../store/outlets.js';
import { requirePermission, type Access, type ApiEnv } from './auth.js';
import { errorResponse, invalidInput } from './errors.js';
import { API_PREFIX, type RouteInfo } from './routing.js';
import { registerCampaignRoutes } from './campaign-routes.js';
import { registerFactCheckRoutes } from './factcheck-routes.js';
import { registerPolicyRoutes } from './policy-routes.js';
import { registerReviewRoutes } from './review-routes.js';
import { registerPushRoutes } from './push.js';
import { registerWebRoutes } from './web.js';

export { API_PREFIX, type RouteInfo } from './routing.js';

const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) })
  .openapi('Error');
const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'No valid token', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Role lacks the permission', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: errorSchema } } },
};
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const outletSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    homeUrl: z.string(),
    licenceNumber: z.string().nullable(),
    licenceIssuer: z.string().nullable(),
    responsiblePerson: z.string().nullable(),
    noticeContact: z.string().nullable(),
    status: z.string(),
    sources: z.array(z.object({ kind: z.string(), url: z.string() })),
    crawl: z.object({ intervalMinutes: z.number(), maxPages: z.number(), comments: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Outlet');
const documentSchema = z
  .object({
    id: z.string(),
    outletId: z.string().nullable(),
    kind: z.enum(['post', 'comment']),
    parentId: z.string().nullable(),
    url: z.string(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    authorUrl: z.string().nullable(),
    publishedAt: z.string().nullable(),
    text: z.string(),
    version: z.number(),
    snapshotSha256: z.string().nullable(),
  })
  .openapi('Document');
const findingSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    detector: z.string(),
    detectorVersion: z.string(),
    category: z.string(),
    score: z.number(),
    explanation: z.string(),
    evidence: z.record(z.string(), z.unknown()),
  })
  .openapi('Finding');
const idParam = z.object({ id: z.string().min(1).max(200) });
const limitQuery = z.coerce.number().int().min(1).max(500).default(50);

/** Builds the HTTP app (API, OpenAPI document, read-only pages) without listening. */
export function createApp(ctx: AppContext): { app: OpenAPIHono<ApiEnv>; routes: RouteInfo[] } {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInput(result.error.issues);
    },
  });
  const routes: RouteInfo[] = [];
  app.onError((err, c) => errorResponse(err, c, ctx.logger));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}` } }, 404));

  /** Declares a route: its permission is enforced before validation and recorded for the matrix test. */
  const declare = <R extends Parameters<typeof createRoute>[0]>(permission: Access | null, route: R) => {
    routes.push({ method: route.method.toUpperCase(), path: route.path, permission });
    return createRoute({
      ...route,
      ...(permission ? { middleware: [requirePermission(ctx.db, permission, ctx.clock)] as never, security: [{ bearer: [] }] } : {}),
    });
  };

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.openapi(declare(null, { method: 'get', path: '/health', responses: { 200: json(z.object({ ok: z.boolean(), store: z.string() }), 'Alive') } }), async (c) => {
    await ctx.db.selectFrom('outlets').select('id').limit(1).execute();
    return c.json({ ok: true, store: ctx.store.kind }, 200);
  });

  // Outlets
  app.openapi(
    declare('outlets:read', {
      method: 'get',
      path: `${API_PREFIX}/outlets`,
      request: { query: z.object({ status: z.enum(['active', 'paused', 'retired']).optional() }) },
      responses: { 200: json(z.object({ outlets: z.array(outletSchema) }), 'Outlets'), ...errors },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      const outlets = await listOutlets(ctx.db, status ? { status } : {});
      return c.json({ outlets: outlets.map(outletJson) }, 200);
    },
  );
  app.openapi(
    declare('outlets:write', {
      method: 'post',
      path: `${API_PREFIX}/outlets`,
      request: { body: { content: { 'application/json': { schema: outletInputSchema } }, required: true } },
      responses: { 201: json(outletSchema, 'Created'), 409: json(errorSchema, 'Id taken'), ...errors },
    }),
    async (c) => {
      const outlet = await createOutlet(ctx.db, c.req.valid('json'), ctx.clock.now());
      return c.json(outletJson(outlet), 201);
    },
  );
  app.openapi(
    declare('outlets:read', {
      method: 'get',
      path: `${API_PREFIX}/outlets/{id}`,
      request: { params: idParam },
      responses: { 200: json(outletSchema, 'Outlet'), ...errors },
    }),
    async (c) => c.json(outletJson(await requireOutlet(ctx.db, c.req.valid('param').id)), 200),
  );
  app.openapi(
    declare('outlets:write', {
      method: 'patch',
      path: `${API_PREFIX}/outlets/{id}`,
      request: { params: idParam, body: { content: { 'application/json': { schema: outletPatchSchema } }, required: true } },
      responses: { 200: json(outletSchema, 'Updated'), ...errors },
    }),
    async (c) => {
      const outlet = await updateOutlet(ctx.db, c.req.valid('param').id, c.req.valid('json'), ctx.clock.now());
      return c.json(outletJson(outlet), 200);
    },
  );
  app.openapi(
    declare('outlets:write', {
      method: 'delete',
      path: `${API_PREFIX}/outlets/{id}`,
      request: { params: idParam },
      responses: { 200: json(z.object({ id: z.string(), result: z.enum(['deleted', 'retired']) }), 'Deleted, or retired when it has documents'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ id, result: await removeOutlet(ctx.db, id, ctx.clock.now()) }, 200);
    },
  );

  // Documents and findings
  app.openapi(
    declare('documents:read', {
      method: 'get',
      path: `${API_PREFIX}/documents`,
      request: {
        query: z.object({
          outlet: z.string().optional(),
          kind: z.enum(['post', 'comment']).optional(),
          parent: z.string().optional(),
          cursor: z.string().optional().openapi({ description: 'nextCursor of the previous page' }),
          limit: limitQuery,
        }),
      },
      responses: { 200: json(z.object({ documents: z.array(documentSchema), nextCursor: z.string().nullable() }), 'Newest first'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const docs = await listDocuments(ctx.db, { outletId: q.outlet, kind: q.kind, parentId: q.parent, after: decodeCursor(q.cursor), limit: q.limit });
      const last = docs.length === q.limit ? docs[docs.length - 1] : undefined;
      return c.json({ documents: docs.map(documentJson), nextCursor: last ? encodeCursor(last.firstSeenAt, last.id) : null }, 200);
    },
  );
  app.openapi(
    declare('documents:read', {
      method: 'get',
      path: `${API_PREFIX}/documents/{id}`,
      request: { params: idParam },
      responses: {
        200: json(
          documentSchema.extend({
            versions: z.array(z.object({ version: z.number(), seenAt: z.string(), text: z.string(), title: z.string().nullable(), snapshotSha256: z.string().nullable() })),
            findings: z.array(findingSchema),
          }),
          'Document with its versions and findings',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const doc = await getDocument(ctx.db, id);
      if (!doc) throw new AppError('NOT_FOUND', `No document with id "${id}"`);
      const versions = await listVersions(ctx.db, id);
      const findings = await listFindings(ctx.db, { documentId: id, limit: 500 });
      return c.json(
        {
          ...documentJson(doc),
          versions: versions.map((v) => ({ version: v.version, seenAt: v.seen_at.toISOString(), text: v.text, title: v.title, snapshotSha256: v.snapshot_sha256 })),
          findings: findings.map(findingJson),
        },
        200,
      );
    },
  );
  app.openapi(
    declare('findings:read', {
      method: 'get',
      path: `${API_PREFIX}/findings`,
      request: { query: z.object({ category: z.string().optional(), document: z.string().optional(), before: z.coerce.number().int().optional(), limit: limitQuery }) },
      responses: { 200: json(z.object({ findings: z.array(findingSchema) }), 'Newest first; page with before=<last id>'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const findings = await listFindings(ctx.db, { category: q.category, documentId: q.document, afterId: q.before, limit: q.limit });
      return c.json({ findings: findings.map(findingJson) }, 200);
    },
  );
  app.openapi(
    declare('deadletters:read', {
      method: 'get',
      path: `${API_PREFIX}/dead-letters`,
      request: { query: z.object({ outlet: z.string().optional(), limit: limitQuery }) },
      responses: {
        200: json(
          z.object({ deadLetters: z.array(z.object({ id: z.number(), outletId: z.string().nullable(), url: z.string(), code: z.string(), reason: z.string(), retryable: z.boolean(), attempts: z.number(), at: z.string() })) }),
          'Failed fetches, newest first',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listDeadLetters(ctx.db, { limit: q.limit, ...(q.outlet ? { outletId: q.outlet } : {}) });
      return c.json({ deadLetters: rows.map((d) => ({ ...d, at: d.at.toISOString() })) }, 200);
    },
  );

  app.use(`${API_PREFIX}/push`, bodyLimit({ maxSize: 20 * 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', 'Push bodies are limited to 20 MB; split the batch.'); } }));
  registerPushRoutes(app, ctx, declare, errors);
  registerFactCheckRoutes(app, ctx, declare, errors);
  registerCampaignRoutes(app, ctx, declare, errors);
  registerPolicyRoutes(app, ctx, declare, errors);
  registerReviewRoutes(app, ctx, declare, errors);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'kiemtin API', version: '0.1.0', description: 'Outlets, documents, findings and the push API. Authenticate with "Authorization: Bearer <token>".' },
  });
  registerWebRoutes(app, ctx, routes);
  return { app, routes };
}


function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string | undefined): { firstSeenAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new AppError('INVALID_INPUT', 'cursor: not a cursor returned by this API');
  return { firstSeenAt: date, id };
}

function outletJson(o: Awaited<ReturnType<typeof requireOutlet>>) {
  return { ...o, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString() };
}
function documentJson(d: NonNullable<Awaited<ReturnType<typeof getDocument>>>) {
  return {
    id: d.id,
    outletId: d.outletId,
    kind: d.kind,
    parentId: d.parentId,
    url: d.url,
    title: d.title,
    author: d.author,
    authorUrl: d.authorUrl,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    text: d.text,
    version: d.version,
    snapshotSha256: d.snapshotSha256,
  };
}
function findingJson(f: Awaited<ReturnType<typeof listFindings>>[number]) {
  return { id: f.id, documentId: f.documentId, detector: f.detector, detectorVersion: f.detectorVersion, category: f.category, score: f.score, explanation: f.explanation, evidence: f.evidence };
}
