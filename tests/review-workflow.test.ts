import { createRoute } from '@hono/zod-openapi';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { requirePermission } from '../src/api/auth.js';
import { registerReviewRoutes } from '../src/api/review-routes.js';
import { fixedClock } from '../src/core/clock.js';
import type { Permission, Role } from '../src/core/permissions.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import type { AppContext } from '../src/context.js';
import { ingestBatch } from '../src/pipeline/ingest.js';
import { createOutlet } from '../src/store/outlets.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

/** The app with the review routes, added as app.ts's declare() does until app.ts registers them itself. */
function reviewApp(ctx: AppContext) {
  const { app, routes } = createApp(ctx);
  if (!routes.some((r) => r.path === '/api/v1/queue')) {
    const declare = <R extends Parameters<typeof createRoute>[0]>(permission: Permission | null, route: R) => {
      routes.push({ method: route.method.toUpperCase(), path: route.path, permission });
      return createRoute({ ...route, ...(permission ? { middleware: [requirePermission(ctx.db, permission, ctx.clock)] as never } : {}) });
    };
    registerReviewRoutes(app, ctx, declare as never, {});
  }
  return { app, routes };
}

const FALSE_TEXT = 'Tin khẩn: nước máy ở quận 3 bị nhiễm độc, mọi người tuyệt đối không dùng nước máy trong ba ngày tới. Hãy chia sẻ ngay cho người thân.';

describeStores('review workflow over HTTP', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof reviewApp>['app'];
  let server: FixtureServer;
  const clock = fixedClock(new Date('2026-11-28T08:00:00Z'));
  let pageUp = true;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/tin/nuoc-may', (_req, res) => {
      if (!pageUp) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Không tìm thấy</h1>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><article><p>${FALSE_TEXT}</p></article></body></html>`);
    });
    ctx = await testContext(h.store, { clock, detectors: [] });
    app = reviewApp(ctx).app;
  });
  afterAll(async () => {
    await ctx.close();
    await server.close();
  });
  beforeEach(() => {
    clock.set(new Date('2026-11-28T08:00:00Z'));
    pageUp = true;
  });

  const tokenFor = async (role: Role, name: string = role) => (await createToken(ctx.db, { name, role, outletId: null, now: clock.now() })).token;
  const call = async (method: string, path: string, tok: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };

  async function seedFinding(): Promise<string> {
    await createOutlet(ctx.db, outletInputSchema.parse({ id: 'tin-nhanh', type: 'general-site', name: 'Tin Nhanh', homeUrl: server.origin + '/', responsiblePerson: 'Nguyễn Văn A' }), clock.now());
    const url = `${server.origin}/tin/nuoc-may`;
    const body = new TextEncoder().encode(`<html><body><article><p>${FALSE_TEXT}</p></article></body></html>`);
    const r = await ingestBatch(ctx, {
      outletId: 'tin-nhanh',
      items: [{ kind: 'post', url, parentUrl: null, externalId: null, title: 'Nước máy nhiễm độc', author: 'bientap', authorUrl: null, publishedAt: new Date('2026-11-20T03:00:00Z'), text: FALSE_TEXT }],
      snapshot: { url, contentType: 'text/html', body, fetchedAt: clock.now() },
    });
    const docId = r.items[0]!.id;
    await ctx.db
      .insertInto('findings')
      .values({ document_id: docId, document_version: 1, detector: 'claims', detector_version: '1', category: 'false-information', score: 0.92, explanation: 'Khớp với bài kiểm chứng: nước máy quận 3 an toàn.', evidence: JSON.stringify({ factCheck: 'fc-1' }), created_at: clock.now() })
      .execute();
    return docId;
  }

  it('carries a finding from the queue through decision, approval, notice, re-check, appeal and reversal into the report', async () => {
    await seedFinding();
    const analyst = await tokenFor('analyst');
    const alice = await tokenFor('reviewer', 'alice');
    const bob = await tokenFor('reviewer', 'bob');
    const sup = await tokenFor('supervisor');

    const triage = await call('POST', '/api/v1/queue/triage', analyst, {});
    expect(triage.status).toBe(200);
    expect(triage.body).toMatchObject({ findings: 1, opened: 1 });
    const caseNo: string = triage.body.cases[0];
    expect(caseNo).toMatch(/^KT-2026-\d{6}$/);
    // Running triage again opens nothing new.
    expect((await call('POST', '/api/v1/queue/triage', analyst, {})).body).toMatchObject({ findings: 0, opened: 0 });

    const queue = await call('GET', '/api/v1/queue', alice);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({ number: caseNo, category: 'false-information', source: 'automated', state: 'open' });

    // Two reviewers claim at once: exactly one wins.
    const claims = await Promise.all([call('POST', `/api/v1/cases/${caseNo}/claim`, alice, {}), call('POST', `/api/v1/cases/${caseNo}/claim`, bob, {})]);
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const [winner, loser] = claims[0]!.status === 200 ? [alice, bob] : [bob, alice];
    const decision = {
      outcome: 'violation',
      category: 'false-information',
      action: 'takedown-request',
      legalBasis: ['decree-147-2024-art23', 'decree-15-2020-art101-1'],
      facts: 'Bài đăng khẳng định nước máy quận 3 nhiễm độc; công ty cấp nước và Sở Y tế công bố kết quả xét nghiệm đạt chuẩn.',
      explanation: 'Thông tin sai sự thật gây hoang mang; gắn nhãn không đủ vì bài kêu gọi chia sẻ rộng.',
    };
    expect((await call('POST', `/api/v1/cases/${caseNo}/decision`, loser, decision)).status).toBe(409);

    // A provision replaced before the act is refused, naming its replacement.
    const stale = await call('POST', `/api/v1/cases/${caseNo}/decision`, winner, { ...decision, legalBasis: ['decree-72-2013-art5-1-e'] });
    expect(stale.status).toBe(400);
    expect(stale.body.error.message).toContain('decree-147-2024-art23');
    const missing = await call('POST', `/api/v1/cases/${caseNo}/decision`, winner, { ...decision, legalBasis: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('legalBasis');

    const decided = await call('POST', `/api/v1/cases/${caseNo}/decision`, winner, decision);
    expect(decided.status).toBe(201);
    expect(decided.body.state).toBe('awaiting-approval');
    expect(decided.body.notice).toBeNull();
    expect(decided.body.decision.statement).toMatchObject({
      category: 'false-information',
      automatedDetection: true,
      automatedDecision: false,
      detectionSource: 'automated',
      restriction: { action: 'takedown-request' },
      ground: { kind: 'illegal-content' },
    });
    expect(decided.body.decision.statement.redress.length).toBeGreaterThan(0);
    expect(decided.body.decision.legalBasis[0].citation).toContain('Nghị định 147/2024/NĐ-CP');

    // Four eyes: a reviewer cannot approve; a supervisor can.
    expect((await call('POST', `/api/v1/cases/${caseNo}/approval`, winner, { approve: true })).status).toBe(403);
    const approved = await call('POST', `/api/v1/cases/${caseNo}/approval`, sup, { approve: true });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('actioned');
    const token: string = approved.body.notice.appealToken;
    expect(new Date(approved.body.notice.deadlineAt).getTime() - clock.now().getTime()).toBe(24 * 3600_000);

    const text = await call('GET', `/api/v1/cases/${caseNo}/notice`, alice);
    expect(text.body).toContain('YÊU CẦU GỠ BỎ THÔNG TIN VI PHẠM');
    expect(text.body).toContain('Điều 23, Nghị định 147/2024/NĐ-CP');
    expect(text.body).toContain(caseNo);
    expect(text.body).toContain(token);
    // Someone who may only read cases sees the notice without its appeal token (cannot appeal as the outlet).
    const masked = await call('GET', `/api/v1/cases/${caseNo}/notice`, analyst);
    expect(masked.body).toContain(caseNo);
    expect(masked.body).not.toContain(token);
    expect(masked.body).toContain('ktap_••••••');
    const asAnalyst = await call('GET', `/api/v1/cases/${caseNo}`, analyst);
    expect(JSON.stringify(asAnalyst.body)).not.toContain(token);
    expect(JSON.stringify((await call('GET', `/api/v1/cases/${caseNo}`, alice)).body)).toContain(token);
    const html = await call('GET', `/api/v1/cases/${caseNo}/notice?format=html`, alice);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('<h1>YÊU CẦU GỠ BỎ THÔNG TIN VI PHẠM</h1>');

    // Before the deadline nothing is checked; after it the page is fetched again.
    expect((await call('POST', '/api/v1/compliance/run', sup, {})).body.checked).toEqual([]);
    clock.advance(25 * 3600_000);
    pageUp = false;
    const checked = await call('POST', '/api/v1/compliance/run', sup, {});
    expect(checked.body.checked).toEqual([expect.objectContaining({ case: caseNo, result: 'removed' })]);

    // The outlet appeals with the case number and the token from the notice.
    expect((await call('POST', '/api/v1/appeals', null, { caseNumber: caseNo, token: 'ktap_wrongtoken', appellant: 'Tin Nhanh', reason: 'Sai' })).status).toBe(404);
    const appeal = await call('POST', '/api/v1/appeals', null, { caseNumber: caseNo, token, appellant: 'Tòa soạn Tin Nhanh', reason: 'Bài viết trích nguồn từ người dân, chúng tôi đã gỡ và đề nghị xem xét lại.' });
    expect(appeal.status).toBe(201);
    const more = await call('POST', '/api/v1/appeals/messages', null, { caseNumber: caseNo, token, body: 'Gửi kèm biên bản làm việc với người cung cấp tin.' });
    expect(more.body.messages).toHaveLength(2);
    const reply = await call('POST', `/api/v1/appeals/${appeal.body.id}/messages`, loser, { body: 'Đã nhận, chúng tôi đang xem xét.' });
    expect(reply.body.messages.map((m: any) => m.direction)).toEqual(['from-appellant', 'from-appellant', 'to-appellant']);

    // The reviewer who decided, and the supervisor who approved, may not decide the appeal.
    const reversal = { outcome: 'reversed', explanation: 'Nguồn tin ban đầu là thông báo của phường bị hiểu sai; không đủ căn cứ xác định cố ý đưa tin sai.' };
    expect((await call('POST', `/api/v1/appeals/${appeal.body.id}/decision`, winner, reversal)).status).toBe(403);
    expect((await call('POST', `/api/v1/appeals/${appeal.body.id}/decision`, sup, reversal)).status).toBe(403);
    const reversed = await call('POST', `/api/v1/appeals/${appeal.body.id}/decision`, loser, reversal);
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ state: 'closed', appeal: { status: 'reversed' }, decision: { kind: 'appeal', outcome: 'no-violation' } });

    const detail = await call('GET', `/api/v1/cases/${caseNo}`, alice);
    expect(detail.body.decisions.map((d: any) => [d.kind, d.status])).toEqual([
      ['initial', 'reversed'],
      ['appeal', 'in-force'],
    ]);
    expect(detail.body.actions[0]).toMatchObject({ kind: 'takedown-request', checkResult: 'removed', approvedBy: expect.stringMatching(/^token:/) });

    const report = await call('GET', '/api/v1/reports/transparency?from=2026-11-01&to=2026-12-01', alice);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      decisions: 1,
      byCategory: { 'false-information': 1 },
      bySource: { automated: 1 },
      byAction: { 'takedown-request': 1 },
      byOutcome: { violation: 1 },
      byLegalBasis: { 'decree-147-2024-art23': 1, 'decree-15-2020-art101-1': 1 },
      automatedDecisions: 0,
      appeals: { filed: 1, decided: 1, upheld: 0, reversed: 1 },
      compliance: { removed: 1 },
      medianHoursToDecision: 0,
    });
    const csv = await call('GET', '/api/v1/reports/transparency?from=2026-11-01&to=2026-12-01&format=csv', alice);
    expect(csv.body).toContain('appeals,reversed,1');

    // Every change of state is in the audit log, and the chain verifies.
    const auditLog = await call('GET', `/api/v1/audit?subject=case:${caseNo}`, sup);
    expect(auditLog.body.entries.map((e: any) => e.action)).toEqual([
      'case.opened',
      'case.claimed',
      'decision.made',
      'takedown.approved',
      'notice.issued',
      'compliance.checked',
      'appeal.opened',
      'appeal.message',
      'appeal.message',
      'appeal.decided',
    ]);
    expect((await call('GET', '/api/v1/audit/verify', sup)).body).toMatchObject({ ok: true, firstBad: null });
  });

  it('re-check records a page still up with a new snapshot; a rejected takedown goes back to the queue', async () => {
    await seedFinding();
    const alice = await tokenFor('reviewer', 'alice');
    const sup = await tokenFor('supervisor');
    const caseNo: string = (await call('POST', '/api/v1/queue/triage', alice, { minScore: 0.9 })).body.cases[0];
    await call('POST', `/api/v1/cases/${caseNo}/claim`, alice, {});
    const decision = { outcome: 'violation', category: 'false-information', action: 'takedown-request', legalBasis: ['decree-147-2024-art23'], facts: 'Sự việc.', explanation: 'Lý do.', deadlineHours: 48 };
    expect((await call('POST', `/api/v1/cases/${caseNo}/decision`, alice, decision)).status).toBe(201);
    const rejected = await call('POST', `/api/v1/cases/${caseNo}/approval`, sup, { approve: false });
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.message).toContain('note');
    expect((await call('POST', `/api/v1/cases/${caseNo}/approval`, sup, { approve: false, note: 'Cần gắn nhãn trước.' })).body.state).toBe('open');
    await call('POST', `/api/v1/cases/${caseNo}/claim`, alice, {});
    expect((await call('POST', `/api/v1/cases/${caseNo}/decision`, alice, decision)).status).toBe(201);
    const approved = await call('POST', `/api/v1/cases/${caseNo}/approval`, sup, { approve: true });
    expect(approved.body.notice.text).toContain('48 giờ');
    clock.advance(47 * 3600_000);
    expect((await call('POST', '/api/v1/compliance/run', sup, {})).body.checked).toEqual([]);
    clock.advance(2 * 3600_000);
    const run = await call('POST', '/api/v1/compliance/run', sup, {});
    expect(run.body.checked).toEqual([expect.objectContaining({ case: caseNo, result: 'still-up', snapshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect((await call('GET', `/api/v1/cases/${caseNo}`, alice)).body.state).toBe('actioned');
  });

  it('refuses invalid input with a 400 naming the field', async () => {
    await seedFinding();
    const alice = await tokenFor('reviewer');
    const caseNo: string = (await call('POST', '/api/v1/queue/triage', alice, {})).body.cases[0];
    await call('POST', `/api/v1/cases/${caseNo}/claim`, alice, {});
    const bad = await call('POST', `/api/v1/cases/${caseNo}/decision`, alice, { outcome: 'violation', category: 'opinion', action: 'notice', facts: 'x', explanation: 'y' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('category');
    const label = await call('POST', `/api/v1/cases/${caseNo}/decision`, alice, { outcome: 'violation', category: 'false-information', action: 'label', legalBasis: ['decree-15-2020-art101-1'], facts: 'x', explanation: 'y' });
    expect(label.status).toBe(400);
    expect(label.body.error.message).toContain('factCheckUrl');
    expect((await call('GET', '/api/v1/queue?state=bogus', alice)).status).toBe(400);
    expect((await call('GET', '/api/v1/queue?cursor=abc', alice)).status).toBe(400);
    expect((await call('GET', '/api/v1/cases/KT-2026-999999', alice)).status).toBe(404);
  });
});
