import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { claimCase, queuePage, triageFindings } from '../src/review/cases.js';
import { decideCase } from '../src/review/decisions.js';
import { evidencePack } from '../src/review/evidence.js';
import { saveView } from '../src/review/views.js';
import { createWebhook, deliverWebhooks } from '../src/review/webhooks.js';
import { ingestItems } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { putSnapshot } from '../src/store/snapshots.js';
import { describeStores } from './_util/db.js';

describeStores('review queue, claims, evidence and webhooks', (h) => {
  const clock = fixedClock(new Date('2026-11-28T00:00:00Z'));
  const deps = () => ({ db: h.store.db, clock });
  beforeEach(() => clock.set(new Date('2026-11-28T00:00:00Z')));

  /** n documents with one finding each; scores and categories vary. */
  async function seed(n: number): Promise<string[]> {
    const db = h.store.db;
    await createOutlet(db, outletInputSchema.parse({ id: 'tin', type: 'blog', name: 'Tin', homeUrl: 'https://tin.example/' }), clock.now());
    const sha = await putSnapshot(db, { url: 'https://tin.example/0', contentType: 'text/html', body: new TextEncoder().encode('<p>bằng chứng</p>'), fetchedAt: clock.now() });
    const items = Array.from({ length: n }, (_, i) => ({ kind: 'post' as const, url: `https://tin.example/${i}`, parentUrl: null, externalId: null, title: `Bài ${i}`, author: null, authorUrl: null, publishedAt: new Date('2026-11-20T00:00:00Z'), text: `Nội dung ${i}` }));
    const r = await db.transaction().execute((trx) => ingestItems(trx, { outletId: 'tin', items, snapshotSha256: sha, seenAt: clock.now() }));
    const cats = ['spam', 'scam-fraud', 'false-information'];
    await db
      .insertInto('findings')
      .values(r.items.map((it, i) => ({ document_id: it.id, document_version: 1, detector: 't', detector_version: '1', category: cats[i % 3]!, score: 0.55 + (i % 5) * 0.1, explanation: 'x', evidence: '{}', created_at: clock.now() })))
      .execute();
    return (await triageFindings(deps())).cases;
  }

  it('pages the queue by priority with a cursor that stays stable while the queue ages', async () => {
    await seed(7);
    const seen: Array<{ number: string; priority: number }> = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await queuePage(deps(), {}, { actor: 'user:a', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => ({ number: c.number, priority: c.priority })));
      clock.advance(5 * 3600_000);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen.map((s) => s.number)).size).toBe(7);
    const priorities = seen.map((s) => s.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    // Scams (severity 0.9) come before spam (0.3) at equal confidence.
    const scams = await queuePage(deps(), { category: ['scam-fraud'] }, { actor: 'user:a', limit: 50 });
    expect(scams.items.every((c) => c.category === 'scam-fraud')).toBe(true);
    expect(scams.items.length).toBe(2);
    const view = await saveView(deps(), 'user:a', 'Lừa đảo quá hạn', { category: ['scam-fraud'], overdue: true });
    expect(view.filters).toEqual({ category: ['scam-fraud'], overdue: true });
    // The scam SLA is 12 hours; the cases are 35 hours old by now.
    expect((await queuePage(deps(), view.filters, { actor: 'user:a', limit: 50 })).items.length).toBe(2);
  });

  it('a claim holds until it expires, then another reviewer may take the case', async () => {
    const [caseNo] = await seed(1);
    await claimCase(deps(), caseNo!, 'user:a', 30);
    await expect(claimCase(deps(), caseNo!, 'user:b')).rejects.toThrow(/claimed by user:a/);
    expect((await queuePage(deps(), { claim: 'unclaimed' }, { actor: 'user:b', limit: 10 })).items).toHaveLength(0);
    expect((await queuePage(deps(), { claim: 'mine' }, { actor: 'user:a', limit: 10 })).items).toHaveLength(1);
    clock.advance(31 * 60_000);
    await expect(decideCase(deps(), caseNo!, { outcome: 'no-violation', category: 'spam', action: 'none', legalBasis: [], facts: 'f', explanation: 'e' }, 'user:a')).rejects.toThrow(/Claim case/);
    expect((await claimCase(deps(), caseNo!, 'user:b')).claimedBy).toBe('user:b');
  });

  it('exports an evidence pack whose manifest matches its files', async () => {
    const [caseNo] = await seed(1);
    await claimCase(deps(), caseNo!, 'user:a');
    await decideCase(deps(), caseNo!, { outcome: 'violation', category: 'spam', action: 'notice', legalBasis: ['decree-147-2024-art23'], facts: 'Quảng cáo rác lặp lại.', explanation: 'Thông báo để trang tự gỡ.' }, 'user:a');
    const pack = await evidencePack(deps(), caseNo!);
    const dir = mkdtempSync(join(tmpdir(), 'kiemtin-evidence-'));
    try {
      writeFileSync(join(dir, 'p.tar.gz'), pack.archive);
      const names = execFileSync('tar', ['-tzf', 'p.tar.gz'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
      expect(names).toEqual(expect.arrayContaining(['case.json', 'findings.json', 'audit.jsonl', 'audit-verification.json', 'notices/action-1.txt', 'SHA256SUMS']));
      expect(names.some((n) => /^snapshots\/[0-9a-f]{64}\.bin$/.test(n))).toBe(true);
      execFileSync('tar', ['-xzf', 'p.tar.gz'], { cwd: dir });
      for (const line of readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
        const [sum, name] = line.split('  ');
        expect(createHash('sha256').update(readFileSync(join(dir, name!))).digest('hex'), name).toBe(sum);
      }
      const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; hash: string });
      expect(audit.map((e) => e.action)).toEqual(['case.opened', 'case.claimed', 'decision.made', 'notice.issued']);
      expect(JSON.parse(readFileSync(join(dir, 'audit-verification.json'), 'utf8'))).toMatchObject({ ok: true });
      expect(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')).decisions[0].statement.facts).toBe('Quảng cáo rác lặp lại.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delivers signed webhooks for decisions, retrying failures with backoff', async () => {
    const [caseNo] = await seed(1);
    const hook = await createWebhook(deps(), { url: 'https://hooks.example/kiemtin', events: ['decision.made'] }, 'user:admin');
    await claimCase(deps(), caseNo!, 'user:a');
    await decideCase(deps(), caseNo!, { outcome: 'no-violation', category: 'spam', action: 'none', legalBasis: [], facts: 'f', explanation: 'e' }, 'user:a');
    const sent: Array<{ body: string; headers: Record<string, string> }> = [];
    let status = 503;
    const post = (_url: string, body: string, headers: Record<string, string>) => {
      sent.push({ body, headers });
      return Promise.resolve({ status });
    };
    expect(await deliverWebhooks({ ...deps(), post })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    // Not due again until the backoff has passed.
    expect(await deliverWebhooks({ ...deps(), post })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock.advance(61_000);
    status = 204;
    expect(await deliverWebhooks({ ...deps(), post })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const last = sent[sent.length - 1]!;
    expect(JSON.parse(last.body)).toMatchObject({ event: 'decision.made', data: { case: caseNo, outcome: 'no-violation', state: 'closed' } });
    const [t, v1] = last.headers['kiemtin-signature']!.split(',').map((p) => p.split('=')[1]);
    expect(createHmac('sha256', hook.secret).update(`${t}.${last.body}`).digest('hex')).toBe(v1);
  });
});
