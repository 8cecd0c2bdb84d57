import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { fixedClock } from '../src/core/clock.js';
import { isAppError } from '../src/core/errors.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import type { Role } from '../src/core/permissions.js';
import type { AppContext } from '../src/context.js';
import { caseDetail } from '../src/review/case-detail.js';
import { claimCase, openCase } from '../src/review/cases.js';
import { decideCase } from '../src/review/decisions.js';
import { evidencePack } from '../src/review/evidence.js';
import { LEGAL_PROVISIONS, LEGAL_REGISTRY_VERSION } from '../src/review/legal-registry.js';
import { addProvision, citedProvisions, listProvisions, reviseProvision, showProvision } from '../src/review/legal-registry-store.js';
import { openStore } from '../src/store/db.js';
import { listAudit, verifyAuditChain } from '../src/store/review/audit.js';
import { createOutlet } from '../src/store/outlets.js';
import { createToken } from '../src/store/tokens.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

const NEW_DECREE = {
  id: 'decree-99-2026-art10',
  instrument: 'Nghị định 99/2026/NĐ-CP (giả định cho kiểm thử)',
  authority: 'Chính phủ',
  article: '10',
  clause: '2',
  summaryVi: 'Gỡ bỏ thông tin sai sự thật chậm nhất 12 giờ kể từ khi có yêu cầu.',
  validFrom: '2026-12-01',
  categories: ['false-information'],
  takedownHours: 12,
};

describeStores('legal-basis registry as data', (h) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>['app'];
  const clock = fixedClock(new Date('2026-11-28T08:00:00Z'));
  const deps = () => ({ db: ctx.db, clock: ctx.clock });
  beforeAll(async () => {
    ctx = await testContext(h.store, { clock, detectors: [] });
    app = createApp(ctx).app;
  });
  afterAll(() => ctx.close());
  beforeEach(() => clock.set(new Date('2026-11-28T08:00:00Z')));

  const tokenFor = async (role: Role) => (await createToken(ctx.db, { name: role, role, outletId: null, now: clock.now() })).token;
  const call = async (method: string, path: string, tok: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const refused = async (p: Promise<unknown>): Promise<Error> => {
    try {
      await p;
    } catch (err) {
      return err as Error;
    }
    throw new Error('expected a refusal');
  };

  /** A case about an outlet, act on `actDate`, claimed by `reviewer`. */
  let accounts = 0;
  async function claimedCase(actDate: Date, kind: 'account' | 'outlet' = 'account') {
    if (!(await ctx.db.selectFrom('outlets').select('id').where('id', '=', 'tin-nhanh').executeTakeFirst())) {
      await createOutlet(ctx.db, outletInputSchema.parse({ id: 'tin-nhanh', type: 'general-site', name: 'Tin Nhanh', homeUrl: 'https://tin-nhanh.example/' }), clock.now());
    }
    // An account of the outlet (one case per subject is open at a time), or the outlet itself (it has a URL).
    const subjectRef = kind === 'outlet' ? 'tin-nhanh' : `tin-nhanh/user-${++accounts}`;
    const c = await openCase(deps(), { subjectKind: kind, subjectRef, category: 'false-information', source: 'report', note: 'báo cáo', actDate }, 'analyst-1');
    await claimCase(deps(), c.number, 'reviewer-1');
    return c;
  }
  const decideLabel = (ref: string, basis: string[]) =>
    decideCase(
      deps(),
      ref,
      { outcome: 'violation', category: 'false-information', action: 'label', legalBasis: basis, facts: 'Bài viết khẳng định sai.', explanation: 'Nhãn cải chính là đủ.', factCheckUrl: 'https://factcheck.example/1' },
      'reviewer-1',
    );

  it('starts from the code list as version 1 and lists what was in force on a day, as before', async () => {
    const all = await listProvisions(deps());
    expect(all.version).toBe(LEGAL_REGISTRY_VERSION);
    expect(all.registryVersion).toBe(1);
    expect(all.provisions.map((p) => p.id).sort()).toEqual(LEGAL_PROVISIONS.map((p) => p.id).sort());
    expect(all.provisions.every((p) => p.revision === 1 && p.revisedBy === 'seed')).toBe(true);
    // The HTTP listing keeps its shape (version + provisions with every LegalProvision field) and ?at=.
    const tok = await tokenFor('reviewer');
    const res = await call('GET', '/api/v1/legal-provisions?at=2026-08-01', tok);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(LEGAL_REGISTRY_VERSION);
    const ids = res.body.provisions.map((p: { id: string }) => p.id);
    expect(ids).toContain('cyber-2025-prohibited');
    expect(ids).not.toContain('cyber-2018-art8-1-d');
    const one = res.body.provisions.find((p: { id: string }) => p.id === 'decree-147-2024-art23');
    expect(Object.keys(one)).toEqual(expect.arrayContaining(Object.keys(LEGAL_PROVISIONS[0]!)));
  });

  it('a decision made before a revision keeps showing the text it cited; later decisions cite the new revision', async () => {
    const first = await claimedCase(new Date('2026-11-20T03:00:00Z'));
    const before = await decideLabel(first.number, ['decree-15-2020-art101-1']);
    expect(before.decision.legalBasis[0]).toMatchObject({ provisionId: 'decree-15-2020-art101-1', revision: 1, registryVersion: LEGAL_REGISTRY_VERSION, unverified: true });
    const citedThen = before.decision.legalBasis[0]!.citation;

    // The amended article is checked: an admin corrects the text and clears "unverified".
    clock.set(new Date('2026-11-28T09:00:00Z'));
    const rev = await reviseProvision(deps(), 'decree-15-2020-art101-1', { article: '101', clause: '1', point: 'a', summaryVi: 'Văn bản đã đối chiếu.', unverified: false, note: null, reason: 'Đối chiếu toàn văn Nghị định 14/2022' }, 'admin-1');
    expect(rev).toMatchObject({ revision: 2, registryVersion: `${LEGAL_REGISTRY_VERSION}+1`, reason: 'Đối chiếu toàn văn Nghị định 14/2022', revisedBy: 'admin-1' });

    const detail = await caseDetail(deps(), first.number);
    expect(detail.decisions[0]!.legalBasis[0]).toMatchObject({ revision: 1, citation: citedThen, unverified: true });
    const [cited] = await citedProvisions(ctx.db, detail.decisions[0]!.legalBasis);
    expect(cited).toMatchObject({ id: 'decree-15-2020-art101-1', revision: 1, point: null, unverified: true });
    expect(cited!.summaryVi).toBe(LEGAL_PROVISIONS.find((p) => p.id === 'decree-15-2020-art101-1')!.summaryVi);
    // The evidence pack carries the revision cited, not the current text.
    const tar = gunzipSync((await evidencePack(deps(), first.number)).archive).toString('utf8');
    expect(tar).toContain('legal-basis.json');
    expect(tar).toContain(LEGAL_PROVISIONS.find((p) => p.id === 'decree-15-2020-art101-1')!.summaryVi);
    expect(tar).not.toContain('Văn bản đã đối chiếu.');
    // The notice issued then is stored as rendered then.
    expect(before.notice!.text).toContain(citedThen);
    expect(before.notice!.text).toContain('chưa được xác minh');

    const second = await claimedCase(new Date('2026-11-21T03:00:00Z'));
    const after = await decideLabel(second.number, ['decree-15-2020-art101-1']);
    expect(after.decision.legalBasis[0]).toMatchObject({ revision: 2, citation: 'Điều 101 khoản 1 điểm a, Nghị định 15/2020/NĐ-CP (sửa đổi, bổ sung bởi Nghị định 14/2022/NĐ-CP)', unverified: false });
    expect(after.decision.legalBasis[0]!.registryVersion).toBe(`${LEGAL_REGISTRY_VERSION}+1`);
    const [citedNow] = await citedProvisions(ctx.db, after.decision.legalBasis);
    expect(citedNow).toMatchObject({ revision: 2, summaryVi: 'Văn bản đã đối chiếu.' });
  });

  it('refuses a provision after its replacement is recorded, names the replacement, and cites the new one', async () => {
    await addProvision(deps(), NEW_DECREE, 'admin-1');
    const replaced = await reviseProvision(deps(), 'decree-147-2024-art23', { validTo: '2026-12-01', replacedBy: NEW_DECREE.id, reason: 'Nghị định 99/2026 thay thế từ 01/12/2026' }, 'admin-1');
    expect(replaced).toMatchObject({ revision: 2, validTo: '2026-12-01', replacedBy: NEW_DECREE.id });

    const onDay = async (day: string) => (await listProvisions(deps(), { at: new Date(`${day}T05:00:00Z`) })).provisions.map((p) => p.id);
    expect(await onDay('2026-11-30')).toContain('decree-147-2024-art23');
    expect(await onDay('2026-11-30')).not.toContain(NEW_DECREE.id);
    expect(await onDay('2026-12-01')).toContain(NEW_DECREE.id);
    expect(await onDay('2026-12-01')).not.toContain('decree-147-2024-art23');

    const c = await claimedCase(new Date('2026-12-02T03:00:00Z'), 'outlet');
    const err = await refused(decideLabel(c.number, ['decree-147-2024-art23']));
    expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
    expect(err.message).toContain(`replaced on 2026-12-01 by "${NEW_DECREE.id}"`);
    clock.set(new Date('2026-12-02T08:00:00Z'));
    await claimCase(deps(), c.number, 'reviewer-1');
    const ok = await decideCase(
      deps(),
      c.number,
      { outcome: 'violation', category: 'false-information', action: 'takedown-request', legalBasis: [NEW_DECREE.id], facts: 'Sai sự thật.', explanation: 'Cần gỡ.' },
      'reviewer-1',
    );
    expect(ok.decision.legalBasis[0]).toMatchObject({ provisionId: NEW_DECREE.id, revision: 1, registryVersion: `${LEGAL_REGISTRY_VERSION}+2` });
    // The deadline comes from the provision added as data.
    const action = await ctx.db.selectFrom('review_actions').select('deadline_hours').where('decision_id', '=', ok.decision.id).executeTakeFirstOrThrow();
    expect(action.deadline_hours).toBe(12);

    const shown = await showProvision(deps(), NEW_DECREE.id);
    expect(shown.replaces).toEqual(['decree-147-2024-art23']);
    const history = await showProvision(deps(), 'decree-147-2024-art23');
    expect(history.revisions.map((r) => [r.revision, r.validTo])).toEqual([
      [1, null],
      [2, '2026-12-01'],
    ]);
  });

  it('refuses invalid input naming the field, and stores nothing', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...NEW_DECREE, validFrom: '01/12/2026' }, /^validFrom: must be a date YYYY-MM-DD/],
      [{ ...NEW_DECREE, validFrom: '2026-02-30' }, /^validFrom: is not a calendar date/],
      [{ ...NEW_DECREE, validTo: '2026-11-30' }, /^validTo: must be after validFrom \(2026-12-01\)/],
      [{ ...NEW_DECREE, validTo: '2027-01-01', replacedBy: 'no-such-law' }, /^replacedBy: no provision "no-such-law"/],
      [{ ...NEW_DECREE, replacedBy: 'press-2025-art35' }, /^validTo: a replaced provision needs the day/],
      [{ ...NEW_DECREE, takedownHours: 0 }, /^takedownHours: must be positive/],
      [{ ...NEW_DECREE, takedownHours: 1.5 }, /^takedownHours: must be a whole number/],
      [{ ...NEW_DECREE, categories: ['opinions'] }, /^categories\.0: /],
      [{ ...NEW_DECREE, unverified: true }, /^note: an unverified provision must say what is unverified/],
      [{ ...NEW_DECREE, id: 'Bad Id' }, /^id: must be 1-100 lower-case/],
      [{ ...NEW_DECREE, instrument: '  ' }, /^instrument: must not be empty/],
      [{ ...NEW_DECREE, article: undefined }, /^article: /],
      [{ ...NEW_DECREE, colour: 'red' }, /colour/],
    ];
    for (const [input, message] of cases) {
      const err = await refused(addProvision(deps(), input, 'admin-1'));
      expect(isAppError(err, 'INVALID_INPUT'), String(message)).toBe(true);
      expect(err.message).toMatch(message);
    }
    expect(isAppError(await refused(addProvision(deps(), { ...NEW_DECREE, id: 'press-2016-art42' }, 'admin-1')), 'CONFLICT')).toBe(true);
    expect((await refused(reviseProvision(deps(), 'press-2016-art42', { validTo: '2016-01-01', reason: 'x' }, 'admin-1'))).message).toMatch(/^validTo: must be after validFrom/);
    expect((await refused(reviseProvision(deps(), 'press-2016-art42', { note: 'x' }, 'admin-1'))).message).toMatch(/^reason: /);
    expect((await refused(reviseProvision(deps(), 'press-2016-art42', { replacedBy: 'press-2016-art42', reason: 'x' }, 'admin-1'))).message).toMatch(/^replacedBy: a provision cannot replace itself/);
    expect((await refused(reviseProvision(deps(), 'press-2016-art42', { article: '42', reason: 'x' }, 'admin-1'))).message).toMatch(/changes nothing/);
    expect(isAppError(await refused(reviseProvision(deps(), 'press-2016-art42', { note: 'x', reason: 'x', revision: 7 }, 'admin-1')), 'CONFLICT')).toBe(true);
    expect(isAppError(await refused(reviseProvision(deps(), 'nope', { note: 'x', reason: 'x' }, 'admin-1')), 'NOT_FOUND')).toBe(true);
    const after = await listProvisions(deps());
    expect(after.registryVersion).toBe(1);
    expect(await listAudit(ctx.db, { limit: 100 })).toEqual([]);
  });

  it('writes one audit entry per change in the same chain, naming what changed', async () => {
    await addProvision(deps(), { ...NEW_DECREE, reason: 'Nghị định mới' }, 'admin-1');
    await reviseProvision(deps(), NEW_DECREE.id, { takedownHours: 6, reason: 'Khẩn cấp: 6 giờ' }, 'admin-2');
    await reviseProvision(deps(), 'decree-147-2024-art23', { validTo: '2026-12-01', replacedBy: NEW_DECREE.id, reason: 'thay thế' }, 'admin-2');
    const entries = await listAudit(ctx.db, { limit: 100 });
    expect(entries.map((e) => [e.action, e.subject, e.actor])).toEqual([
      ['legal.provision.added', `legal:${NEW_DECREE.id}`, 'admin-1'],
      ['legal.provision.revised', `legal:${NEW_DECREE.id}`, 'admin-2'],
      ['legal.provision.replaced', 'legal:decree-147-2024-art23', 'admin-2'],
    ]);
    expect(entries[1]!.payload).toMatchObject({ revision: 2, previousRevision: 1, reason: 'Khẩn cấp: 6 giờ', changes: { takedownHours: { from: 12, to: 6 } } });
    expect(entries[2]!.payload).toMatchObject({ registryVersion: `${LEGAL_REGISTRY_VERSION}+3`, changes: { validTo: { from: null, to: '2026-12-01' }, replacedBy: { from: null, to: NEW_DECREE.id } } });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('cites a change made by another process at once (the registry read for decisions is checked against its stamp each time)', async () => {
    const c1 = await claimedCase(new Date('2026-11-20T03:00:00Z'));
    expect((await decideLabel(c1.number, ['decree-15-2020-art101-1'])).decision.legalBasis[0]!.revision).toBe(1);
    // Another process: a second connection pool on the same server schema (on PGlite, the same database).
    const other = h.url ? await openStore({ databaseUrl: h.url, dataDir: ':memory:', ...(h.schema ? { schema: h.schema } : {}) }) : h.store;
    try {
      await reviseProvision({ db: other.db, clock }, 'decree-15-2020-art101-1', { point: 'a', reason: 'đối chiếu' }, 'admin-elsewhere');
    } finally {
      if (other !== h.store) await other.close();
    }
    const c2 = await claimedCase(new Date('2026-11-20T03:00:00Z'));
    expect((await decideLabel(c2.number, ['decree-15-2020-art101-1'])).decision.legalBasis[0]).toMatchObject({ revision: 2, registryVersion: `${LEGAL_REGISTRY_VERSION}+1` });
  });

  it('gives concurrent changes (and the first-use seed they race to write) consecutive revisions and versions, none lost', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((i) => reviseProvision(deps(), 'press-2016-art42', { note: `Ghi chú ${i}`, reason: `lần ${i}` }, `admin-${i}`)));
    const shown = await showProvision(deps(), 'press-2016-art42');
    expect(shown.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(shown.revisions.map((r) => r.registryVersion)).size).toBe(6);
    expect(new Set(shown.revisions.slice(1).map((r) => r.note)).size).toBe(5);
    expect((await listProvisions(deps())).registryVersion).toBe(6);
    expect((await listProvisions(deps())).provisions).toHaveLength(LEGAL_PROVISIONS.length);
    expect(await listAudit(ctx.db, { limit: 100 })).toHaveLength(5);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('lets only an admin change the registry over HTTP; every role that works the queue reads it with its history', async () => {
    const admin = await tokenFor('admin');
    for (const role of ['supervisor', 'reviewer', 'analyst'] as const) {
      const tok = await tokenFor(role);
      expect((await call('POST', '/api/v1/legal-provisions', tok, NEW_DECREE)).status).toBe(403);
      expect((await call('PATCH', '/api/v1/legal-provisions/press-2016-art42', tok, { note: 'x', reason: 'x' })).status).toBe(403);
      expect((await call('GET', '/api/v1/legal-provisions/press-2016-art42', tok)).status).toBe(200);
    }
    expect((await call('GET', '/api/v1/legal-provisions/press-2016-art42', await tokenFor('viewer'))).status).toBe(403);

    const added = await call('POST', '/api/v1/legal-provisions', admin, NEW_DECREE);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: NEW_DECREE.id, revision: 1, clause: '2', point: null, validTo: null, unverified: false });
    expect(added.body.revisedBy).toMatch(/^token:/);
    const bad = await call('PATCH', `/api/v1/legal-provisions/${NEW_DECREE.id}`, admin, { validTo: '2026-13-01', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^validTo: /);
    const patched = await call('PATCH', `/api/v1/legal-provisions/${NEW_DECREE.id}`, admin, { validTo: '2027-01-01', reason: 'hết hiệu lực', revision: 1 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ revision: 2, validTo: '2027-01-01' });
    const stale = await call('PATCH', `/api/v1/legal-provisions/${NEW_DECREE.id}`, admin, { note: 'x', reason: 'x', revision: 1 });
    expect(stale.status).toBe(409);
    const shown = await call('GET', `/api/v1/legal-provisions/${NEW_DECREE.id}`, admin);
    expect(shown.body.provision).toMatchObject({ revision: 2 });
    expect(shown.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect((await call('GET', '/api/v1/legal-provisions/nope', admin)).status).toBe(404);
    const listed = await call('GET', '/api/v1/legal-provisions', admin);
    expect(listed.body).toMatchObject({ version: `${LEGAL_REGISTRY_VERSION}+2`, registryVersion: 3 });
    // Declared in the OpenAPI document with their body schemas.
    const doc = (await (await app.request('/openapi.json')).json()) as any;
    expect(Object.keys(doc.paths['/api/v1/legal-provisions'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/v1/legal-provisions/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(doc.components.schemas.LegalProvisionInput.required).toEqual(expect.arrayContaining(['id', 'instrument', 'validFrom', 'categories']));
    expect(doc.components.schemas.LegalProvisionPatch.required).toEqual(['reason']);
  });
});
