/**
 * Review store figures on PGlite and (when KIEMTIN_BENCH_DATABASE_URL or KIEMTIN_TEST_DATABASE_URL is
 * set) the PostgreSQL server: audit appends/s (one transaction each, and concurrent), chain verification
 * entries/s, triage findings/s, queue page time at depth, and claim contention (exactly one winner).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { fixedClock } from '../src/core/clock.js';
import type { SourceItem } from '../src/core/types.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { claimCase, queuePage, triageFindings } from '../src/review/cases.js';
import { openStore, type Store } from '../src/store/db.js';
import { ingestItems } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { appendAudit, verifyAuditChain } from '../src/store/review/audit.js';
import type { BenchResult } from './run.js';

const AUDIT = Number(process.env.KIEMTIN_BENCH_AUDIT ?? 5000);
const CASES = Number(process.env.KIEMTIN_BENCH_CASES ?? 5000);
const CATS = ['false-information', 'scam-fraud', 'spam', 'harassment', 'hate-speech'];

async function run(store: Store, f: Record<string, number | string>, prefix: string): Promise<void> {
  const db = store.db;
  const clock = fixedClock(new Date('2026-11-28T00:00:00Z'));
  const payload = { decision: 1, outcome: 'violation', legalBasis: ['decree-147-2024-art23'], statement: { facts: 'Sự việc '.repeat(20), redress: ['a', 'b'] } };
  let t = performance.now();
  for (let i = 0; i < AUDIT; i++) await db.transaction().execute((trx) => appendAudit(trx, { actor: 'user:a', action: 'decision.made', subject: `case:${i}`, payload }, clock.now()));
  f[`${prefix}_audit_append_per_s`] = Math.round(AUDIT / ((performance.now() - t) / 1000));
  t = performance.now();
  await Promise.all(Array.from({ length: 1000 }, (_, i) => db.transaction().execute((trx) => appendAudit(trx, { actor: 'user:b', action: 'case.claimed', subject: `case:${i}`, payload: {} }, clock.now()))));
  f[`${prefix}_audit_append_concurrent_per_s`] = Math.round(1000 / ((performance.now() - t) / 1000));
  t = performance.now();
  const v = await verifyAuditChain(db);
  if (!v.ok) throw new Error(`chain broken: ${JSON.stringify(v.firstBad)}`);
  f[`${prefix}_audit_verify_entries_per_s`] = Math.round(v.entries / ((performance.now() - t) / 1000));

  await createOutlet(db, outletInputSchema.parse({ id: 'bench', type: 'other', name: 'Bench', homeUrl: 'https://bench.example/' }), clock.now());
  const items: SourceItem[] = Array.from({ length: CASES }, (_, i) => ({ kind: 'post', url: `https://bench.example/p/${i}`, parentUrl: null, externalId: null, title: `Bài ${i}`, author: null, authorUrl: null, publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000), text: `Nội dung bài ${i}` }));
  const stored = await db.transaction().execute((trx) => ingestItems(trx, { outletId: 'bench', items, snapshotSha256: null, seenAt: clock.now() }));
  const rows = stored.items.map((it, i) => ({ document_id: it.id, document_version: 1, detector: 'bench', detector_version: '1', category: CATS[i % CATS.length]!, score: 0.5 + ((i * 37) % 50) / 100, explanation: 'x', evidence: '{}', created_at: clock.now() }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('findings').values(rows.slice(i, i + 1000)).execute();
  t = performance.now();
  const tri = await triageFindings({ db, clock });
  f[`${prefix}_triage_findings_per_s`] = Math.round(tri.findings / ((performance.now() - t) / 1000));

  clock.advance(6 * 3600_000);
  t = performance.now();
  let cursor: string | undefined;
  let pages = 0;
  let seen = 0;
  while (pages < 20) {
    const p = await queuePage({ db, clock }, {}, { actor: 'user:a', limit: 50, ...(cursor ? { cursor } : {}) });
    pages++;
    seen += p.items.length;
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  f[`${prefix}_queue_page_ms_at_${CASES}_cases`] = Math.round(((performance.now() - t) / pages) * 10) / 10;
  const filtered = performance.now();
  await queuePage({ db, clock }, { category: ['scam-fraud'], claim: 'unclaimed', overdue: true }, { actor: 'user:a', limit: 50 });
  f[`${prefix}_queue_filtered_page_ms`] = Math.round((performance.now() - filtered) * 10) / 10;
  if (seen !== pages * 50) throw new Error('short queue page');

  const target = tri.cases[0]!;
  const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => claimCase({ db, clock }, target, `user:r${i}`)));
  f[`${prefix}_claim_winners_of_10_concurrent`] = results.filter((r) => r.status === 'fulfilled').length;
}

export async function bench(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const pgl = await openStore({ databaseUrl: null, dataDir: ':memory:' });
  try {
    await run(pgl, figures, 'pglite');
  } finally {
    await pgl.close();
  }
  const url = process.env.KIEMTIN_BENCH_DATABASE_URL ?? process.env.KIEMTIN_TEST_DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const pg = await openStore({ databaseUrl: url, dataDir: ':memory:', schema });
    try {
      await run(pg, figures, 'postgres');
    } finally {
      await sql.raw(`drop schema "${schema}" cascade`).execute(pg.db);
      await pg.close();
    }
  }
  return {
    name: 'review',
    figures,
    notes: [`${AUDIT} sequential audit appends (one transaction each) + 1000 concurrent; ${CASES} findings triaged into ${CASES} cases; 20 queue pages of 50 by keyset`],
  };
}
