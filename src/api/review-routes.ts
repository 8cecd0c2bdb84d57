import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../core/errors.js';
import { can, ROLE_PERMISSIONS, ROLES } from '../core/permissions.js';
import { HARM_CATEGORIES } from '../core/types.js';
import type { AppContext } from '../context.js';
import { appellantMessage, decideAppeal, fileAppeal, listAppeals, reviewerMessage, requireAppeal } from '../review/appeals.js';
import { caseDetail } from '../review/case-detail.js';
import { claimCase, openCase, queuePage, releaseCase, triageFindings, type QueuePage, type QueueQuery } from '../review/cases.js';
import { runComplianceChecks } from '../review/compliance.js';
import { decideCase, reviewTakedown } from '../review/decisions.js';
import { evidencePack } from '../review/evidence.js';
import { maskAppealToken } from '../review/notice.js';
import { reportCsv, reportHtml, transparencyReport } from '../review/report.js';
import { ACTIONS, APPEAL_OUTCOMES, CASE_STATES, DETECTION_SOURCES, OUTCOMES, SUBJECT_KINDS, WEBHOOK_EVENTS } from '../review/types.js';
import { createUser, login, logout, SESSION_HOURS, USER_ROLES } from '../review/users.js';
import { listViews, requireView, saveView } from '../review/views.js';
import { createWebhook, deliverWebhooks, listWebhooks } from '../review/webhooks.js';
import { listAudit, verifyAuditChain } from '../store/review/audit.js';
import { listUsers } from '../store/review/users.js';
import { forgetCredentials, SESSION_COOKIE, SIGNED_IN, type ApiEnv } from './auth.js';
import { chooseCoding, EncodedBody } from './encoded-body.js';
import { invalidInput } from './errors.js';
import { registerLegalRoutes } from './legal-routes.js';
import { API_PREFIX, mountUnvalidated, type Declare } from './routing.js';

const anyJson = z.record(z.string(), z.unknown());
const json = (description: string, schema: z.ZodType = anyJson) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParam = z.object({ id: z.string().min(1).max(64).openapi({ description: 'case number (KT-2026-000001) or id' }) });
const numericId = z.object({ id: z.string().regex(/^\d{1,9}$/, 'must be a number') });
const limitQuery = z.coerce.number().int().min(1).max(500).default(50);
const csv = (values: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const list = s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
      const bad = list.find((x) => !values.includes(x));
      if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not one of ${values.join(', ')}` });
      return list;
    });
const isoDate = z.string().refine((s) => !Number.isNaN(new Date(s).getTime()), 'must be an ISO 8601 date');

const decisionSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    category: z.enum(HARM_CATEGORIES),
    action: z.enum(ACTIONS),
    legalBasis: z.array(z.string().min(1).max(100)).max(10).default([]).openapi({ description: 'provision ids from GET /api/v1/legal-provisions' }),
    facts: z.string().trim().min(1).max(20_000),
    explanation: z.string().trim().min(1).max(20_000),
    factCheckUrl: z.url({ protocol: /^https?$/ }).optional(),
    deadlineHours: z.number().int().min(1).max(720).optional(),
  })
  .openapi('DecisionInput');

/** Routes that stream a non-JSON body are registered for the OpenAPI document and mounted by hand. */
function mountRaw(
  app: OpenAPIHono<ApiEnv>,
  route: ReturnType<Declare>,
  method: 'get' | 'post',
  handler: (c: Context<ApiEnv>) => Promise<Response>,
): void {
  app.openAPIRegistry.registerPath(route);
  const mw = ((route as { middleware?: MiddlewareHandler<ApiEnv>[] }).middleware ?? []) as [MiddlewareHandler<ApiEnv>];
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  if (method === 'get') app.get(path, ...mw, handler);
  else app.post(path, ...mw, handler);
}

/** Whether an If-None-Match header names `etag` (a list, weak validators and "*" included). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const isLocal = (c: Context) => ['localhost', '127.0.0.1', '[::1]', '::1'].includes(new URL(c.req.url).hostname);

/**
 * Review and enforcement over HTTP (docs/review.md): legal registry, queue, cases, claims, decisions,
 * takedown approval, notices, compliance checks, appeals, audit log, evidence packs, transparency
 * report, accounts and sessions, saved views, webhooks.
 */
export function registerReviewRoutes(app: OpenAPIHono<ApiEnv>, ctx: AppContext, declare: Declare, errors: object): void {
  const err = errors as Record<number, never>;
  const conflict = { 409: json('Conflicts with the current state (claimed, already decided)') };
  const deps = { db: ctx.db, clock: ctx.clock };
  const actor = (c: Context<ApiEnv>) => c.get('principal').actor;
  // Who may see a notice's appeal token: those who decide cases and so issue notices (docs/review.md).
  const sendsNotices = (c: Context<ApiEnv>) => can(c.get('principal').role, 'review:decide');
  const queueBodies = new WeakMap<QueuePage, EncodedBody>();

  registerLegalRoutes(app, ctx, declare, errors);

  // Queue and cases. The query is validated once per distinct query string (the same few refreshed
  // by every reviewer), so a cached page costs no schema work; the route is in the OpenAPI document as usual.
  const queueQuery = z.object({
    state: csv(CASE_STATES).openapi({ description: 'comma-separated; default open' }),
    category: csv(HARM_CATEGORIES),
    outlet: z.string().max(200).optional(),
    source: z.enum(DETECTION_SOURCES).optional(),
    claim: z.enum(['any', 'unclaimed', 'mine']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    view: z.coerce.number().int().positive().optional().openapi({ description: 'a saved view id; other filters are ignored' }),
    cursor: z.string().max(500).optional(),
    limit: limitQuery,
  });
  const parsedQueries = new Map<string, z.infer<typeof queueQuery>>();
  mountUnvalidated(
    app,
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/queue`,
      request: {
        query: queueQuery,
      },
      responses: {
        200: json('Cases by priority: severity × confidence × reach, doubling every 24 h past the SLA due time (docs/review.md); with an ETag'),
        304: { description: 'Not modified: If-None-Match named the ETag of this page as it is now' },
        ...err,
      },
    }),
    async (c) => {
      const url = c.req.url;
      const at = url.indexOf('?');
      const search = at < 0 ? '' : url.slice(at);
      let q = parsedQueries.get(search);
      if (q === undefined) {
        // As Hono's validator reads a query: a repeated key is a list (and so refused here).
        const raw = Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
        const parsed = queueQuery.safeParse(raw);
        if (!parsed.success) throw invalidInput(parsed.error.issues);
        q = parsed.data;
        if (parsedQueries.size >= 1000) parsedQueries.delete(parsedQueries.keys().next().value!);
        parsedQueries.set(search, q);
      }
      const filters: QueueQuery = q.view
        ? (await requireView(deps, actor(c), q.view)).filters
        : { state: q.state, category: q.category, ...(q.outlet ? { outlet: q.outlet } : {}), ...(q.source ? { source: q.source } : {}), ...(q.claim ? { claim: q.claim } : {}), overdue: q.overdue === 'true' };
      const page = await queuePage(deps, filters, { actor: actor(c), ...(q.cursor ? { cursor: q.cursor } : {}), limit: q.limit });
      // A cached page is the same object: serialise it and take its ETag once, compress it once per
      // coding asked for, then send the same bytes.
      let body = queueBodies.get(page);
      if (body === undefined) {
        body = new EncodedBody(
          Buffer.from(
            JSON.stringify({
              items: page.items.map(({ findingCount, rank: _rank, ...item }) => ({ ...item, findings: findingCount, slaDueAt: item.slaDueAt.toISOString() })),
              nextCursor: page.nextCursor,
            }),
          ),
        );
        queueBodies.set(page, body);
      }
      const coding = chooseCoding(c.req.header('accept-encoding'));
      const sent = body.get(coding);
      const headers: Record<string, string> = { etag: sent.etag, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding' };
      if (etagMatches(c.req.header('if-none-match'), sent.etag)) return c.body(null, 304, headers);
      if (coding !== 'identity') headers['content-encoding'] = coding;
      return c.body(sent.bytes, 200, { ...headers, 'content-type': 'application/json' });
    },
  );
  app.openapi(
    declare('cases:create', {
      method: 'post',
      path: `${API_PREFIX}/queue/triage`,
      request: body(z.object({ minScore: z.number().min(0).max(1).optional() })),
      responses: { 200: json('Findings turned into cases'), ...err },
    }),
    async (c) => {
      const { minScore } = c.req.valid('json');
      return c.json(await triageFindings(deps, { actor: actor(c), ...(minScore !== undefined ? { minScore } : {}) }), 200);
    },
  );
  app.openapi(
    declare('cases:create', {
      method: 'post',
      path: `${API_PREFIX}/cases`,
      request: body(
        z.object({
          subjectKind: z.enum(SUBJECT_KINDS),
          subjectRef: z.string().min(1).max(300),
          category: z.enum(HARM_CATEGORIES),
          source: z.enum(['report', 'own-initiative']),
          note: z.string().trim().min(1).max(10_000).openapi({ description: 'who reported what, when and through which channel' }),
          actDate: isoDate.optional(),
        }),
      ),
      responses: { 201: json('Case opened'), ...conflict, ...err },
    }),
    async (c) => {
      const { actDate, ...b } = c.req.valid('json');
      const created = await openCase(deps, { ...b, ...(actDate ? { actDate: new Date(actDate) } : {}) }, actor(c));
      return c.json({ ...created }, 201);
    },
  );
  app.openapi(
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/cases/{id}`,
      request: { params: idParam },
      responses: { 200: json('The case with its findings, decisions, actions and appeals'), ...err },
    }),
    async (c) => {
      const detail = await caseDetail(deps, c.req.valid('param').id);
      if (sendsNotices(c)) return c.json({ ...detail }, 200);
      const actions = detail.actions.map((a) => ({ ...a, noticeText: a.noticeText && maskAppealToken(a.noticeText), noticeHtml: a.noticeHtml && maskAppealToken(a.noticeHtml) }));
      return c.json({ ...detail, actions }, 200);
    },
  );
  app.openapi(
    declare('review:decide', {
      method: 'post',
      path: `${API_PREFIX}/cases/{id}/claim`,
      request: { params: idParam, ...body(z.object({ minutes: z.number().int().min(1).max(480).optional() })) },
      responses: { 200: json('Claimed; the claim expires at claimExpiresAt'), ...conflict, ...err },
    }),
    async (c) => {
      const { minutes } = c.req.valid('json');
      const claimed = await claimCase(deps, c.req.valid('param').id, actor(c), minutes);
      return c.json({ number: claimed.number, claimedBy: claimed.claimedBy, claimExpiresAt: claimed.claimExpiresAt?.toISOString() ?? null }, 200);
    },
  );
  app.openapi(
    declare('review:decide', {
      method: 'post',
      path: `${API_PREFIX}/cases/{id}/release`,
      request: { params: idParam },
      responses: { 200: json('Back in the queue'), ...conflict, ...err },
    }),
    async (c) => {
      const r = await releaseCase(deps, c.req.valid('param').id, actor(c));
      return c.json({ number: r.number, claimedBy: null }, 200);
    },
  );
  app.openapi(
    declare('review:decide', {
      method: 'post',
      path: `${API_PREFIX}/cases/{id}/decision`,
      request: { params: idParam, ...body(decisionSchema) },
      responses: { 201: json('Decision recorded with its statement of reasons'), ...conflict, ...err },
    }),
    async (c) => {
      const r = await decideCase(deps, c.req.valid('param').id, c.req.valid('json'), actor(c));
      return c.json({ decision: r.decision, state: r.state, notice: r.notice }, 201);
    },
  );
  app.openapi(
    declare('review:approve', {
      method: 'post',
      path: `${API_PREFIX}/cases/{id}/approval`,
      request: { params: idParam, ...body(z.object({ approve: z.boolean(), note: z.string().max(10_000).optional() })) },
      responses: { 200: json('Approved (notice issued, deadline running) or rejected (back to the queue)'), ...conflict, ...err },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const r = await reviewTakedown(deps, c.req.valid('param').id, b, actor(c));
      return c.json({ state: r.state, notice: r.notice }, 200);
    },
  );
  mountRaw(
    app,
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/cases/{id}/notice`,
      request: { params: idParam, query: z.object({ format: z.enum(['text', 'html']).optional(), action: z.string().optional() }) },
      responses: { 200: { description: 'The latest notice of the case, in Vietnamese', content: { 'text/plain': { schema: z.string() }, 'text/html': { schema: z.string() } } }, ...err },
    }),
    'get',
    async (c) => {
      const detail = await caseDetail(deps, c.req.param('id') ?? '');
      const format = c.req.query('format') ?? 'text';
      if (format !== 'text' && format !== 'html') throw new AppError('INVALID_INPUT', 'format: must be text or html');
      const shown = (notice: string) => (sendsNotices(c) ? notice : maskAppealToken(notice));
      const issued = detail.actions.filter((a) => a.noticeText);
      const a = c.req.query('action') ? issued.find((x) => String(x.id) === c.req.query('action')) : issued[issued.length - 1];
      if (!a) throw new AppError('NOT_FOUND', `Case ${detail.number} has no notice${c.req.query('action') ? ` for action ${c.req.query('action')}` : ' yet'}`);
      if (format === 'html') {
        c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        return c.html(shown(a.noticeHtml ?? ''), 200);
      }
      return c.text(shown(a.noticeText ?? ''), 200);
    },
  );
  mountRaw(
    app,
    declare('audit:read', {
      method: 'get',
      path: `${API_PREFIX}/cases/{id}/evidence`,
      request: { params: idParam },
      responses: { 200: { description: 'Evidence pack (.tar.gz): snapshots, findings, decisions, notices, audit entries with hashes, SHA256SUMS', content: { 'application/gzip': { schema: z.string() } } }, ...err },
    }),
    'get',
    async (c) => {
      const pack = await evidencePack(deps, c.req.param('id') ?? '');
      c.header('content-type', 'application/gzip');
      c.header('content-disposition', `attachment; filename="${pack.fileName}"`);
      return c.body(new Uint8Array(pack.archive), 200);
    },
  );

  // Compliance
  app.openapi(
    declare('compliance:run', {
      method: 'post',
      path: `${API_PREFIX}/compliance/run`,
      request: body(z.object({ case: z.string().max(64).optional() })),
      responses: { 200: json('Takedown requests past their deadline, fetched again'), ...err },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ ...(await runComplianceChecks({ ...deps, fetcher: ctx.fetcher }, { actor: actor(c), ...(b.case ? { caseRef: b.case } : {}) })) }, 200);
    },
  );

  // Appeals: filed by the outlet or author with the case number and the token from the notice.
  const tokenFields = { caseNumber: z.string().min(1).max(64), token: z.string().min(8).max(200) };
  app.openapi(
    declare(null, {
      method: 'post',
      path: `${API_PREFIX}/appeals`,
      request: body(z.object({ ...tokenFields, appellant: z.string().trim().min(1).max(300), reason: z.string().trim().min(1).max(20_000) })),
      responses: { 201: json('Appeal filed'), ...conflict, ...err },
    }),
    async (c) => c.json({ ...(await fileAppeal(deps, c.req.valid('json'))) }, 201),
  );
  app.openapi(
    declare(null, {
      method: 'post',
      path: `${API_PREFIX}/appeals/messages`,
      request: body(z.object({ ...tokenFields, body: z.string().trim().min(1).max(20_000) })),
      responses: { 201: json('Message added to the appeal dialogue'), ...conflict, ...err },
    }),
    async (c) => c.json({ ...(await appellantMessage(deps, c.req.valid('json'))) }, 201),
  );
  app.openapi(
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/appeals`,
      request: { query: z.object({ status: z.enum(['open', ...APPEAL_OUTCOMES]).optional(), limit: limitQuery }) },
      responses: { 200: json('Appeals'), ...err },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ appeals: await listAppeals(deps, { limit: q.limit, ...(q.status ? { status: q.status } : {}) }) }, 200);
    },
  );
  app.openapi(
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/appeals/{id}`,
      request: { params: numericId },
      responses: { 200: json('An appeal with its dialogue'), ...err },
    }),
    async (c) => c.json({ ...(await requireAppeal(deps, Number(c.req.valid('param').id))) }, 200),
  );
  app.openapi(
    declare('appeals:decide', {
      method: 'post',
      path: `${API_PREFIX}/appeals/{id}/messages`,
      request: { params: numericId, ...body(z.object({ body: z.string().trim().min(1).max(20_000) })) },
      responses: { 201: json('Reply to the appellant'), ...err },
    }),
    async (c) => c.json({ ...(await reviewerMessage(deps, Number(c.req.valid('param').id), c.req.valid('json').body, actor(c))) }, 201),
  );
  app.openapi(
    declare('appeals:decide', {
      method: 'post',
      path: `${API_PREFIX}/appeals/{id}/decision`,
      request: { params: numericId, ...body(z.object({ outcome: z.enum(APPEAL_OUTCOMES), explanation: z.string().trim().min(1).max(20_000) })) },
      responses: { 200: json('Appeal decided by a different reviewer'), ...conflict, ...err },
    }),
    async (c) => c.json({ ...(await decideAppeal(deps, Number(c.req.valid('param').id), c.req.valid('json'), actor(c))) }, 200),
  );

  // Audit log
  app.openapi(
    declare('audit:read', {
      method: 'get',
      path: `${API_PREFIX}/audit`,
      request: { query: z.object({ subject: z.string().max(300).optional(), after: z.coerce.number().int().min(0).optional(), limit: limitQuery }) },
      responses: { 200: json('Audit entries in order, with their hashes; page with after=<last id>'), ...err },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ entries: await listAudit(ctx.db, { limit: q.limit, ...(q.subject ? { subject: q.subject } : {}), ...(q.after !== undefined ? { afterId: q.after } : {}) }) }, 200);
    },
  );
  app.openapi(
    declare('audit:read', {
      method: 'get',
      path: `${API_PREFIX}/audit/verify`,
      responses: { 200: json('Whether the hash chain verifies, and the first bad entry if not'), ...err },
    }),
    async (c) => c.json({ ...(await verifyAuditChain(ctx.db)) }, 200),
  );

  // Transparency report
  mountRaw(
    app,
    declare('reports:read', {
      method: 'get',
      path: `${API_PREFIX}/reports/transparency`,
      request: { query: z.object({ from: isoDate, to: isoDate, format: z.enum(['json', 'csv', 'html']).optional() }) },
      responses: {
        200: { description: 'Counts by category, source, action, outcome, legal basis; appeals and reversals; median time to decision', content: { 'application/json': { schema: anyJson }, 'text/csv': { schema: z.string() }, 'text/html': { schema: z.string() } } },
        ...err,
      },
    }),
    'get',
    async (c) => {
      const from = new Date(c.req.query('from') ?? '');
      const to = new Date(c.req.query('to') ?? '');
      if (Number.isNaN(from.getTime())) throw new AppError('INVALID_INPUT', 'from: must be an ISO 8601 date');
      if (Number.isNaN(to.getTime())) throw new AppError('INVALID_INPUT', 'to: must be an ISO 8601 date');
      const format = c.req.query('format') ?? 'json';
      const r = await transparencyReport(deps, from, to);
      if (format === 'csv') {
        c.header('content-type', 'text/csv; charset=utf-8');
        return c.body(reportCsv(r), 200);
      }
      if (format === 'html') return c.html(reportHtml(r), 200);
      if (format !== 'json') throw new AppError('INVALID_INPUT', 'format: must be json, csv or html');
      return c.json(r, 200);
    },
  );

  // Accounts and sessions
  app.openapi(
    declare(null, {
      method: 'post',
      path: `${API_PREFIX}/session`,
      request: body(z.object({ username: z.string().min(1).max(63), password: z.string().min(1).max(1000) })),
      responses: { 200: json(`Signed in; the ${SESSION_COOKIE} cookie (HttpOnly, SameSite=Strict, Secure off localhost) lasts ${SESSION_HOURS} hours`), ...err },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const s = await login(deps, b.username, b.password);
      setCookie(c, SESSION_COOKIE, s.sessionId, { httpOnly: true, sameSite: 'Strict', secure: !isLocal(c), path: '/', expires: s.expiresAt });
      return c.json({ user: { username: s.user.username, displayName: s.user.displayName, role: s.user.role }, expiresAt: s.expiresAt.toISOString() }, 200);
    },
  );
  app.openapi(
    declare(null, {
      method: 'delete',
      path: `${API_PREFIX}/session`,
      responses: { 200: json('Signed out'), ...err },
    }),
    async (c) => {
      const id = getCookie(c, SESSION_COOKIE);
      const closed = id ? await logout(deps, id) : false;
      forgetCredentials(ctx.db);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocal(c) });
      return c.json({ closed }, 200);
    },
  );
  app.openapi(
    declare(SIGNED_IN, {
      method: 'get',
      path: `${API_PREFIX}/me`,
      responses: {
        200: json(
          'Who is calling (the session or the bearer token), its role and what the role may do',
          z
            .object({
              user: z.object({
                kind: z.enum(['user', 'token']),
                username: z.string().nullable().openapi({ description: 'null for a token' }),
                displayName: z.string().openapi({ description: "the account's display name or the token's name" }),
                outletId: z.string().nullable().openapi({ description: 'the outlet a push token is bound to' }),
              }),
              role: z.enum(ROLES),
              permissions: z.array(z.string()),
            })
            .openapi('Me'),
        ),
        ...err,
      },
    }),
    (c) => {
      const p = c.get('principal');
      const user = { kind: p.kind, username: p.kind === 'user' ? p.actor.slice('user:'.length) : null, displayName: p.name, outletId: p.outletId };
      return c.json({ user, role: p.role, permissions: [...ROLE_PERMISSIONS[p.role]] }, 200);
    },
  );
  app.openapi(
    declare('users:admin', {
      method: 'get',
      path: `${API_PREFIX}/users`,
      responses: { 200: json('Local accounts'), ...err },
    }),
    async (c) => c.json({ users: await listUsers(ctx.db) }, 200),
  );
  app.openapi(
    declare('users:admin', {
      method: 'post',
      path: `${API_PREFIX}/users`,
      request: body(z.object({ username: z.string().min(2).max(63), displayName: z.string().max(200).optional(), role: z.enum(USER_ROLES as [string, ...string[]]), password: z.string().min(10).max(1000) })),
      responses: { 201: json('Account created'), ...conflict, ...err },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const u = await createUser(deps, { ...b, role: b.role as (typeof USER_ROLES)[number] }, actor(c));
      return c.json({ ...u }, 201);
    },
  );

  // Saved queue views
  const viewFilters = z.object({
    state: z.array(z.enum(CASE_STATES)).optional(),
    category: z.array(z.enum(HARM_CATEGORIES)).optional(),
    outlet: z.string().max(200).optional(),
    source: z.enum(DETECTION_SOURCES).optional(),
    claim: z.enum(['any', 'unclaimed', 'mine']).optional(),
    overdue: z.boolean().optional(),
  });
  app.openapi(
    declare('queue:read', { method: 'get', path: `${API_PREFIX}/views`, responses: { 200: json('Your saved queue views'), ...err } }),
    async (c) => c.json({ views: await listViews(deps, actor(c)) }, 200),
  );
  app.openapi(
    declare('queue:read', {
      method: 'post',
      path: `${API_PREFIX}/views`,
      request: body(z.object({ name: z.string().trim().min(1).max(100), filters: viewFilters })),
      responses: { 201: json('Saved (replaces a view of the same name)'), ...err },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ ...(await saveView(deps, actor(c), b.name, b.filters as QueueQuery)) }, 201);
    },
  );

  // Webhooks
  app.openapi(
    declare('webhooks:admin', { method: 'get', path: `${API_PREFIX}/webhooks`, responses: { 200: json('Webhooks (secrets are not shown)'), ...err } }),
    async (c) => c.json({ webhooks: await listWebhooks(deps) }, 200),
  );
  app.openapi(
    declare('webhooks:admin', {
      method: 'post',
      path: `${API_PREFIX}/webhooks`,
      request: body(z.object({ url: z.url({ protocol: /^https?$/ }), events: z.array(z.enum(WEBHOOK_EVENTS)).default([]) })),
      responses: { 201: json('Created; the signing secret is shown once'), ...err },
    }),
    async (c) => c.json({ ...(await createWebhook(deps, c.req.valid('json'), actor(c))) }, 201),
  );
  app.openapi(
    declare('webhooks:admin', {
      method: 'post',
      path: `${API_PREFIX}/webhooks/deliver`,
      request: body(z.object({})),
      responses: { 200: json('Due deliveries sent; failures retried with backoff'), ...err },
    }),
    async (c) => c.json(await deliverWebhooks({ ...deps, post: postJson }), 200),
  );
}

/** The production webhook sender: one POST with a 10 s limit. */
async function postJson(url: string, payload: string, headers: Record<string, string>): Promise<{ status: number }> {
  const res = await fetch(url, { method: 'POST', body: payload, headers, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
  await res.body?.cancel();
  return { status: res.status };
}
