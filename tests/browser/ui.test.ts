import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outletInputSchema } from '../../src/core/outlet-input.js';
import type { AppContext } from '../../src/context.js';
import { ingestBatch } from '../../src/pipeline/ingest.js';
import { triageFindings } from '../../src/review/cases.js';
import { createUser } from '../../src/review/users.js';
import { openStore } from '../../src/store/db.js';
import { createOutlet } from '../../src/store/outlets.js';
import { testContext } from '../_util/context.js';
import { checkPrerequisites, launchChromium, POLL, pwned, serveApp, Sessions } from './harness.js';

// The reviewer UI in real Chromium (Debian's package; .ci/run installs it) against the real app on
// 127.0.0.1 with an embedded store (harness.ts). Missing prerequisites fail with a message, never skip.

// Crawled text is hostile: markup that would run script if it were ever parsed as HTML.
const TITLE = 'Tin khẩn <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const SCAM = 'chuyển khoản ngay 500 nghìn để nhận thưởng';
const FALSE_CLAIM = 'nước máy quận 3 bị nhiễm độc';
const TEXT =
  `Bấm <a href="javascript:window.__pwned=3">vào đây</a>: ${SCAM}. ` +
  `<img src=x onerror=window.__pwned=4> Nghe nói ${FALSE_CLAIM}, <script>window.__pwned=5</script> hãy chia sẻ.`;

const SPAM_POSTS = 30;

const PASSWORDS = { lan: 'mat-khau-cua-lan', minh: 'mat-khau-cua-minh', hoa: 'mat-khau-cua-hoa' };

// Generous limits: a busy machine slows the browser down; nothing here measures time.
describe('reviewer UI in Chromium', { timeout: 120_000 }, () => {
  let ctx: AppContext;
  let origin = '';
  let closeServer: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  let caseNumber: string;
  let otherCase: string;
  let launching: Promise<Browser> | undefined;

  beforeAll(async () => {
    checkPrerequisites();
    launching = launchChromium(); // starts while the store is seeded
    const store = await openStore({ databaseUrl: null, dataDir: ':memory:' });
    ctx = await testContext(store, { detectors: [] });
    const now = ctx.clock.now();
    await createOutlet(
      ctx.db,
      outletInputSchema.parse({
        id: 'tin-nhanh',
        type: 'general-site',
        name: 'Tin Nhanh',
        homeUrl: 'https://tin-nhanh.example/',
        responsiblePerson: 'Nguyễn Văn A',
      }),
      now,
    );
    const ingested = await ingestBatch(ctx, {
      outletId: 'tin-nhanh',
      items: [
        {
          kind: 'post',
          url: 'https://tin-nhanh.example/tin/1',
          parentUrl: null,
          externalId: null,
          title: TITLE,
          author: '<b>bientap</b>',
          authorUrl: 'javascript:window.__pwned=6',
          publishedAt: now,
          text: TEXT,
        },
        {
          kind: 'post',
          url: 'https://tin-nhanh.example/tin/2',
          parentUrl: null,
          externalId: null,
          title: 'Cho vay nhanh',
          author: null,
          authorUrl: null,
          publishedAt: now,
          text: `Vay nhanh, ${SCAM}.`,
        },
        // Enough low-priority spam for a second queue page (the UI asks for 25 cases a page).
        ...Array.from({ length: SPAM_POSTS }, (_, i) => ({
          kind: 'comment' as const,
          url: `https://tin-nhanh.example/tin/1#c${i}`,
          parentUrl: 'https://tin-nhanh.example/tin/1',
          externalId: null,
          title: null,
          author: `spam${i}`,
          authorUrl: null,
          publishedAt: now,
          text: `Ghé shop số ${i} mua hàng giảm giá.`,
        })),
      ],
      snapshot: null,
    });
    const docId = ingested.items[0]!.id;
    const otherDocId = ingested.items[1]!.id;
    const stored = await ctx.db
      .selectFrom('documents')
      .select('text')
      .where('id', '=', docId)
      .executeTakeFirstOrThrow();
    const at = (s: string) => ({
      start: stored.text.indexOf(s),
      end: stored.text.indexOf(s) + s.length,
      text: s,
    });
    expect(at(SCAM).start).toBeGreaterThan(0);
    const finding = (
      category: string,
      score: number,
      explanation: string,
      evidence: object,
      document_id = docId,
    ) => ({
      document_id,
      document_version: 1,
      detector: category === 'false-information' ? 'claims' : 'rules',
      detector_version: '1',
      category,
      score,
      explanation,
      evidence: JSON.stringify(evidence),
      created_at: now,
    });
    await ctx.db
      .insertInto('findings')
      .values([
        finding('scam-fraud', 0.9, 'Khớp luật "chuyển khoản để nhận thưởng"', {
          ruleId: 'scam-transfer',
          matches: [at(SCAM)],
        }),
        finding('false-information', 0.8, 'Khớp bài kiểm chứng fc-nuoc-may', {
          factCheckId: 'fc-nuoc-may',
          verdict: 'false',
          correction: 'Nước máy quận 3 an toàn (Sở Y tế).',
          factCheckUrl: 'javascript:window.__pwned=7',
          passage: at(FALSE_CLAIM),
        }),
        finding('scam-fraud', 0.6, 'Khớp luật "chuyển khoản"', {}, otherDocId),
        ...ingested.items.slice(2).map((item) => finding('spam', 0.5, 'Quảng cáo lặp lại', {}, item.id)),
      ])
      .execute();
    const triage = await triageFindings({ db: ctx.db, clock: ctx.clock });
    const caseOf = async (documentId: string) =>
      (
        await ctx.db
          .selectFrom('review_cases')
          .select('number')
          .where('document_id', '=', documentId)
          .executeTakeFirstOrThrow()
      ).number;
    expect(triage.opened).toBe(2 + SPAM_POSTS);
    caseNumber = await caseOf(docId);
    otherCase = await caseOf(otherDocId);
    const deps = { db: ctx.db, clock: ctx.clock };
    await createUser(
      deps,
      { username: 'lan', displayName: 'Lan (xem xét)', role: 'reviewer', password: PASSWORDS.lan },
      'system:test',
    );
    await createUser(deps, { username: 'minh', role: 'viewer', password: PASSWORDS.minh }, 'system:test');
    await createUser(deps, { username: 'hoa', role: 'analyst', password: PASSWORDS.hoa }, 'system:test');

    const served = await serveApp(ctx);
    origin = served.origin;
    closeServer = served.close;
    browser = await launching;
  }, 180_000);

  afterAll(async () => {
    await (await launching?.catch(() => null))?.close();
    await closeServer?.();
    await ctx?.close();
  });

  // Each person signs in through the form once; later tests reuse the session (cookie and UI state).
  const sessions = new Sessions(
    () => browser!,
    () => origin,
    PASSWORDS,
  );
  const signIn = (username: keyof typeof PASSWORDS, opts: { fresh?: boolean } = {}) =>
    sessions.signIn(username, opts);

  it('serves the UI with a strict Content-Security-Policy, nosniff and no framing', async () => {
    const res = await fetch(`${origin}/ui/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${origin}/ui/../package.json`)).status).toBe(404);
  });

  it('shows hostile titles, text and links as text, and no script of theirs runs', async () => {
    const { page, dialogs } = await signIn('lan');
    await page.goto(`${origin}/ui/#/queue`);
    const row = page.locator(`tr[data-case="${caseNumber}"]`);
    await expect.poll(() => row.textContent(), POLL).toContain('<script>window.__pwned=2</script>');
    await page.goto(`${origin}/ui/#/cases/${caseNumber}`);
    const text = page.getByTestId('document-text');
    await text.waitFor();
    expect(await page.getByTestId('case-title').textContent()).toBe(TITLE);
    expect(await text.textContent()).toContain('<a href="javascript:window.__pwned=3">vào đây</a>');
    expect(await text.textContent()).toContain('<img src=x onerror=window.__pwned=4>');
    // Nothing from the crawled text became an element, and no link can run script.
    expect(await page.locator('#root img, #root script, #root iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.getByTestId('factcheck').locator('a').count()).toBe(0);
    expect(await page.getByTestId('factcheck').textContent()).toContain('javascript:window.__pwned=7');
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('lets a reviewer claim a case, see the evidence highlighted and decide with a legal basis', async () => {
    const { page } = await signIn('lan');
    await page.goto(`${origin}/ui/#/queue`);
    await page.locator(`tr[data-case="${caseNumber}"] a`).click();
    await page.getByTestId('document-text').waitFor();
    // Evidence spans of both findings are marked in the text the person wrote.
    const marks = page.getByTestId('document-text').locator('mark');
    expect(await marks.allTextContents()).toEqual([SCAM, FALSE_CLAIM]);
    expect(await page.getByTestId('factcheck').textContent()).toContain('Nước máy quận 3 an toàn');
    // No decision before claiming.
    expect(await page.locator('form.decision').count()).toBe(0);
    await page.getByRole('button', { name: 'Nhận xử lý' }).click();
    await expect.poll(() => page.getByTestId('claimed-by').textContent(), POLL).toBe('user:lan');
    const form = page.locator('form.decision');
    await form.locator('input[name=legalBasis]').first().waitFor();
    await form.locator('select[name=category]').selectOption('scam-fraud');
    await form.locator('select[name=action]').selectOption('label');
    // The server's answer to an incomplete form is shown.
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.getByRole('alert').textContent(), POLL).toContain('INVALID_INPUT');
    const basis = form.locator('input[name=legalBasis]').first();
    const provisionId = await basis.getAttribute('value');
    await basis.check();
    await form.locator('textarea[name=facts]').fill('Bài đăng yêu cầu chuyển khoản để nhận thưởng.');
    await form
      .locator('textarea[name=explanation]')
      .fill('Dấu hiệu lừa đảo rõ; gắn nhãn cảnh báo kèm đính chính.');
    await form.locator('input[name=factCheckUrl]').fill('https://kiemtin.example/kiem-chung/1');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(
        async () => [
          await page.getByTestId('case-state').textContent(),
          await page.getByRole('alert').allTextContents(),
        ],
        POLL,
      )
      .toEqual(['Đã xử lý', []]);
    const decision = await ctx.db.selectFrom('review_decisions').selectAll().executeTakeFirstOrThrow();
    expect(decision.reviewer).toBe('user:lan');
    expect(JSON.stringify(decision.legal_basis)).toContain(provisionId);
    await page.context().close();
  });

  it('pages through the queue with "next page", highest priority first', async () => {
    const { page } = await signIn('lan');
    await page.goto(`${origin}/ui/#/queue`);
    const rows = page.locator('table.queue tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(25);
    expect(await rows.first().getAttribute('data-case')).not.toBe(null);
    await page.getByRole('button', { name: 'Trang sau' }).click();
    // Open cases: all but the one decided above, each once, and no further page.
    await expect.poll(() => rows.count(), POLL).toBe(1 + SPAM_POSTS);
    const numbers = await Promise.all((await rows.all()).map((r) => r.getAttribute('data-case')));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers[0]).toBe(otherCase);
    expect(await page.getByRole('button', { name: 'Trang sau' }).count()).toBe(0);
    await page.context().close();
  });

  it('saves a queue view and applies it later', async () => {
    const { page } = await signIn('lan');
    await page.goto(`${origin}/ui/#/queue`);
    await page.locator(`tr[data-case="${otherCase}"]`).waitFor();
    const filters = page.locator('form.filters');
    await filters.getByLabel('Đang mở').uncheck();
    await filters.getByLabel('Đã xử lý').check();
    await filters.getByLabel('Tên bộ lọc').fill('Đã xử lý tuần này');
    await filters.getByRole('button', { name: 'Lưu bộ lọc' }).click();
    const views = filters.getByLabel('Bộ lọc đã lưu');
    await expect.poll(() => views.locator('option').allTextContents(), POLL).toContain('Đã xử lý tuần này');
    // A new page starts from the open cases; the saved view brings back only the actioned one.
    await page.reload();
    await page.locator(`tr[data-case="${otherCase}"]`).waitFor();
    await views.selectOption({ label: 'Đã xử lý tuần này' });
    const shown = async () =>
      Promise.all((await page.locator('table.queue tbody tr').all()).map((r) => r.getAttribute('data-case')));
    await expect.poll(shown, POLL).toEqual([caseNumber]);
    await page.context().close();
  });

  it('hides what the role cannot do: no queue for a viewer, no claim or decision for an analyst', async () => {
    const reviewer = await signIn('lan');
    expect(await reviewer.page.locator('nav a', { hasText: 'Hàng đợi' }).count()).toBe(1);
    await reviewer.page.goto(`${origin}/ui/#/cases/${otherCase}`);
    await reviewer.page.getByRole('button', { name: 'Nhận xử lý' }).waitFor();
    await reviewer.page.context().close();

    const viewer = await signIn('minh');
    expect(await viewer.page.locator('nav a', { hasText: 'Hàng đợi' }).count()).toBe(0);
    await viewer.page.goto(`${origin}/ui/#/cases/${otherCase}`);
    await expect.poll(() => viewer.page.getByRole('alert').textContent(), POLL).toContain('FORBIDDEN');
    expect(await viewer.page.locator('form.decision').count()).toBe(0);
    await viewer.page.context().close();

    const analyst = await signIn('hoa');
    await analyst.page.goto(`${origin}/ui/#/cases/${otherCase}`);
    await analyst.page.getByTestId('document-text').waitFor();
    expect(await analyst.page.locator('form.decision').count()).toBe(0);
    expect(await analyst.page.getByRole('button', { name: 'Nhận xử lý' }).count()).toBe(0);
    await analyst.page.context().close();
  });

  it('after a reload takes the user and role from the API (GET /me), not from what the browser stored', async () => {
    const { page } = await signIn('minh');
    // A role written into the browser's storage does not count: the viewer still sees no queue.
    await page.evaluate(
      `localStorage.setItem('kiemtin.user', JSON.stringify({ username: 'minh', displayName: 'x', role: 'admin' }))`,
    );
    await page.reload();
    await page.getByTestId('who').waitFor();
    expect(await page.getByTestId('who').textContent()).toContain('(viewer)');
    expect(await page.locator('nav a', { hasText: 'Hàng đợi' }).count()).toBe(0);
    await page.context().close();
  });

  it('signs out: the session is closed and the sign-in form is back', async () => {
    const { page } = await signIn('hoa', { fresh: true });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('input[name=username]').waitFor();
    await page.reload();
    await page.locator('input[name=username]').waitFor();
    const status = await page.evaluate('fetch("/api/v1/queue").then((r) => r.status)');
    expect(status).toBe(401);
    await page.context().close();
  });
});
