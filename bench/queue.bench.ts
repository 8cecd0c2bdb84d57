/**
 * The review queue under load, on the PostgreSQL server (KIEMTIN_BENCH_DATABASE_URL or
 * KIEMTIN_TEST_DATABASE_URL): 1M documents, findings for a subset, 100k open cases (plus decided ones)
 * generated with set-based SQL in a throwaway schema; then the real HTTP app on 127.0.0.1 driven by
 * autocannon at 100 connections: `GET /api/v1/queue?limit=50` first page, keyset next pages (cursors
 * collected beforehand) and a filtered view. Also the queue query alone (sequential) and decisions/s
 * (claim + decide on distinct cases, several reviewers at once).
 *
 * Sizes: KIEMTIN_BENCH_QUEUE_DOCS (1000000), KIEMTIN_BENCH_QUEUE_OPEN (100000),
 * KIEMTIN_BENCH_QUEUE_SECONDS per load run (10), KIEMTIN_BENCH_QUEUE_CONNECTIONS (100),
 * KIEMTIN_BENCH_QUEUE_DECISIONS (400). The schema is dropped at the end, also on failure.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pino from 'pino';
import { createApp } from '../src/api/app.js';
import { systemClock } from '../src/core/clock.js';
import { loadConfig } from '../src/core/config.js';
import { createContext, type AppContext } from '../src/context.js';
import { claimCase, queuePage } from '../src/review/cases.js';
import { decideCase } from '../src/review/decisions.js';
import { CATEGORY_POLICY } from '../src/review/policy.js';
import { openStore, type Db } from '../src/store/db.js';
import { listQueue } from '../src/store/review/cases.js';
import { createToken } from '../src/store/tokens.js';
import type { BenchResult } from './run.js';

const num = (name: string, def: number): number => {
  const v = Number(process.env[name] ?? def);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def;
};
const DOCS = num('KIEMTIN_BENCH_QUEUE_DOCS', 1_000_000);
const OPEN = Math.min(num('KIEMTIN_BENCH_QUEUE_OPEN', 100_000), DOCS);
const SECONDS = Math.min(num('KIEMTIN_BENCH_QUEUE_SECONDS', 10), 60);
const CONNECTIONS = num('KIEMTIN_BENCH_QUEUE_CONNECTIONS', 100);
const DECISIONS = Math.min(num('KIEMTIN_BENCH_QUEUE_DECISIONS', 400), OPEN);
const OUTLETS = 200;
// Already decided cases next to the open ones (a year of work), so state filters matter.
const DECIDED = Math.min(Math.round(OPEN / 2), DOCS - OPEN);
const FINDINGS_DOCS = Math.min(DOCS, OPEN + DECIDED + Math.round(DOCS * 0.05));

/**
 * Category spread of the open queue (weights): spam and false information dominate, scams and personal
 * data are rarer but have the shortest SLAs. Severity and SLA come from the shipped policy.
 */
const MIX: Array<[string, number]> = [
  ['spam', 30],
  ['false-information', 18],
  ['harassment', 14],
  ['scam-fraud', 10],
  ['hate-speech', 7],
  ['illegal-gambling', 6],
  ['illegal-lending', 6],
  ['personal-data', 4],
  ['coordinated-behaviour', 5],
];

/** A SQL CASE mapping a uniform r in [0,1) to a category by the weights above. */
function categorySql(r: string): string {
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const arms = MIX.map(([c, w]) => {
    acc += w;
    return `when ${r} < ${acc / total} then '${c}'`;
  });
  return `(case ${arms.join(' ')} else 'spam' end)`;
}

/** The policy table as a VALUES list, joined in SQL for severity and SLA. */
function policySql(): string {
  return Object.entries(CATEGORY_POLICY)
    .map(([c, p]) => `('${c}', ${p.severity}::float8, ${p.slaHours})`)
    .join(', ');
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

/** Fills a fresh schema with the generated documents, findings and cases (set-based SQL). */
export async function seed(db: Db, figures: Record<string, number | string>): Promise<void> {
  const q = (s: string) => sql.raw(s).execute(db);
  const [, ms] = await timed(async () => {
    await q(`insert into outlets (id, type, name, home_url, crawl, notice_contact)
      select 'o' || g, case when g % 5 = 0 then 'social-page' else 'e-newspaper' end, 'Báo ' || g,
             'https://o' || g || '.example/', '{}'::jsonb, 'toasoan@o' || g || '.example'
      from generate_series(1, ${OUTLETS}) g`);
    // Documents: 30% posts, 70% comments on an earlier post; spread over the last 90 days; ~300 chars.
    await q(`insert into documents (id, outlet_id, kind, parent_id, url, title, author, published_at, text,
        content_hash, version, first_seen_at, last_seen_at)
      select 'd' || g, 'o' || (1 + g % ${OUTLETS}),
             case when g % 10 < 3 then 'post' else 'comment' end,
             case when g % 10 < 3 or g < 10 then null else 'd' || (g - g % 10) end,
             'https://o' || (1 + g % ${OUTLETS}) || '.example/bai/' || g,
             case when g % 10 < 3 then 'Tiêu đề bài viết số ' || g else null end,
             'tac_gia_' || (g % 50000),
             now() - make_interval(secs => (g * 7919 % 7776000)),
             repeat('Nội dung văn bản tiếng Việt có dấu ' || md5(g::text) || ' ', 4),
             md5(g::text) || md5((g + 1)::text), 1,
             now() - make_interval(secs => (g * 7919 % 7776000)), now()
      from generate_series(1::bigint, ${DOCS}) g`);
    // Findings: one per document for the flagged subset, a second one for every fifth of them.
    await q(`insert into findings (document_id, document_version, detector, detector_version, category, score,
        explanation, evidence, created_at)
      select 'd' || g, 1, 'bench', '1', ${categorySql('((g * 2654435761::bigint) % 1000) / 1000.0')},
             0.5 + ((g * 37) % 50) / 100.0, 'khớp quy tắc', '{"spans":[[0,12]]}'::jsonb,
             now() - make_interval(secs => (g * 7919 % 7776000))
      from generate_series(1::bigint, ${FINDINGS_DOCS}) g
      union all
      select 'd' || g, 1, 'bench2', '1', 'spam', 0.55, 'mẫu lặp lại', '{}'::jsonb, now()
      from generate_series(1::bigint, ${FINDINGS_DOCS}) g where g % 5 = 0`);
    // Cases: documents 1..OPEN open (some claimed), OPEN+1..OPEN+DECIDED closed or actioned. Opened in the
    // last 14 days, skewed to recent; confidence 0.5..1; reach 0..~500 log-skewed.
    await q(`insert into review_cases (id, number, subject_kind, subject_ref, outlet_id, document_id, url, title,
        category, source, severity, confidence, reach, base_priority, sla_hours, state, findings, note,
        claimed_by, claim_expires_at, opened_by, opened_at, act_date, decided_at, closed_at)
      select g, 'KT-2026-' || lpad(g::text, 6, '0'), 'document', 'd' || g, 'o' || (1 + g % ${OUTLETS}), 'd' || g,
             'https://o' || (1 + g % ${OUTLETS}) || '.example/bai/' || g, 'Tiêu đề ' || g,
             f.category, case when g % 20 = 0 then 'report' else 'automated' end,
             p.severity, f.score, x.reach,
             p.severity * f.score * (1 + log(1 + x.reach)), p.sla,
             case when g <= ${OPEN} then 'open' when g % 3 = 0 then 'actioned' else 'closed' end,
             jsonb_build_array(jsonb_build_object('detector', f.detector, 'category', f.category, 'score', f.score,
               'explanation', f.explanation, 'findingId', f.id)),
             null,
             case when g <= ${OPEN} and g % 25 = 0 then 'user:r' || (g % 7) end,
             case when g <= ${OPEN} and g % 25 = 0 then now() + interval '20 minutes' - make_interval(mins => (g % 60)::int) end,
             'system:triage',
             now() - make_interval(secs => (1209600 * power(((g * 48271) % 100003) / 100003.0, 2))::int),
             now() - make_interval(days => 15),
             case when g > ${OPEN} then now() - interval '1 hour' end,
             case when g > ${OPEN} and g % 3 <> 0 then now() - interval '1 hour' end
      from generate_series(1::bigint, ${OPEN + DECIDED}) g
      join findings f on f.id = g
      join (values ${policySql()}) as p(category, severity, sla) on p.category = f.category
      cross join lateral (select (floor(power(10, ((g * 7) % 1000) / 1000.0 * 2.7)) - 1)::int as reach) x`);
    await q(`select setval(pg_get_serial_sequence('review_cases', 'id'), ${OPEN + DECIDED})`);
    await q(`insert into review_case_findings (finding_id, case_id) select g, g from generate_series(1, ${OPEN + DECIDED}) g`);
    await q('analyze');
  });
  figures.seed_s = Math.round(ms / 100) / 10;
}

interface LoadFigures {
  p50: number;
  p90: number;
  p99: number;
  rps: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** Drives one or several GET paths (round robin) for SECONDS at CONNECTIONS. */
async function load(base: string, token: string, paths: string[]): Promise<LoadFigures> {
  // Start from an idle server: the previous run's last requests may still be queued for the pool.
  await settle(base, token);
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (req) => {
          const path = paths[next++ % paths.length]!;
          return { ...req, method: 'GET', path };
        },
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Waits until nothing is queued: two plain requests in a row answer in under a second. */
async function settle(base: string, token: string): Promise<void> {
  for (let fast = 0, tries = 0; fast < 2 && tries < 60; tries++) {
    const t = performance.now();
    await fetch(`${base}/api/v1/queue?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer());
    fast = performance.now() - t < 1000 ? fast + 1 : 0;
  }
}

function put(figures: Record<string, number | string>, name: string, r: LoadFigures): void {
  figures[`${name}_p50_ms`] = r.p50;
  figures[`${name}_p90_ms`] = r.p90;
  figures[`${name}_p99_ms`] = r.p99;
  figures[`${name}_req_per_s`] = r.rps;
  figures[`${name}_requests`] = r.total;
  if (r.non2xx || r.errors) figures[`${name}_failed_requests`] = r.non2xx + r.errors;
}

/** The bounded queue query must return what sorting every open case returns (first page, next page, filtered). */
export async function checkSameAsFullSort(db: Db): Promise<void> {
  const asOf = new Date();
  const prio = sql<number>`base_priority * (1 + greatest(0, extract(epoch from (${asOf}::timestamptz - opened_at)))::float8 / (sla_hours * 3600.0))`;
  const full = async (extra: ReturnType<typeof sql>) =>
    (await sql<{ id: number; p: number }>`select id, ${prio} as p from review_cases where state = 'open' ${extra} order by p desc, id limit 50`.execute(db)).rows;
  const first = await listQueue(db, { states: ['open'] }, { asOf, limit: 50 });
  const expectFirst = await full(sql``);
  // Ten pages by keyset against the first 500 of the full sort.
  const next = [...first];
  for (let i = 1; i < 10; i++) {
    const last = next[next.length - 1]!;
    next.push(...(await listQueue(db, { states: ['open'] }, { asOf, after: { asOf, priority: last.priority, id: last.id }, limit: 50 })));
  }
  const expectNext = (await sql<{ id: number }>`select id from review_cases where state = 'open' order by ${prio} desc, id limit 500`.execute(db)).rows;
  const filtered = await listQueue(db, { states: ['open'], categories: ['scam-fraud', 'personal-data'], claim: 'unclaimed' }, { asOf, limit: 50 });
  const expectFiltered = await full(sql`and category in ('scam-fraud', 'personal-data') and (claimed_by is null or claim_expires_at < ${asOf}::timestamptz)`);
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).join(',');
  for (const [name, got, want] of [['first', first, expectFirst], ['next', next, expectNext], ['filtered', filtered, expectFiltered]] as const) {
    if (ids(got) !== ids(want)) throw new Error(`queue ${name} page differs from the full sort`);
  }
}

async function measure(ctx: AppContext, base: string, figures: Record<string, number | string>): Promise<void> {
  const db = ctx.db;
  const now = new Date();
  const { token } = await createToken(db, { name: 'bench-reviewer', role: 'reviewer', outletId: null, now });

  // The query alone, one at a time (no HTTP, no contention from the load runs).
  const filters = { states: ['open'] as const };
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) samples.push((await timed(() => listQueue(db, filters, { asOf: new Date(), limit: 50 })))[1]);
  samples.sort((a, b) => a - b);
  figures.query_first_page_median_ms = Math.round(samples[5]! * 10) / 10;

  await checkSameAsFullSort(db);

  // Cursors of pages 2..21, read once; their asOf keeps them valid during the run.
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const p = await queuePage({ db, clock: systemClock }, {}, { actor: 'bench', limit: 50, ...(cursor ? { cursor } : {}) });
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
    cursors.push(cursor);
  }
  const check = await fetch(`${base}/api/v1/queue?limit=50`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || body.items?.length !== 50) throw new Error(`queue over HTTP: ${check.status} ${JSON.stringify(body).slice(0, 200)}`);

  put(figures, 'http_first_page', await load(base, token, ['/api/v1/queue?limit=50']));
  put(figures, 'http_next_pages', await load(base, token, cursors.map((c) => `/api/v1/queue?limit=50&cursor=${c}`)));
  put(figures, 'http_filtered', await load(base, token, ['/api/v1/queue?limit=50&category=scam-fraud,personal-data&claim=unclaimed']));

  // Decisions: claim + decide on distinct open cases, 8 reviewers at once, each through the workflow.
  const targets = await db
    .selectFrom('review_cases')
    .select('number')
    .where('state', '=', 'open')
    .where('claimed_by', 'is', null)
    .orderBy('id', 'desc')
    .limit(DECISIONS)
    .execute();
  const deps = { db, clock: systemClock };
  let i = 0;
  const [, ms] = await timed(() =>
    Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const actor = `user:bench${w}`;
        for (let n = i++; n < targets.length; n = i++) {
          const ref = targets[n]!.number;
          await claimCase(deps, ref, actor);
          const violation = n % 3 === 0;
          await decideCase(
            deps,
            ref,
            violation
              ? { outcome: 'violation', category: 'spam', action: 'notice', legalBasis: ['decree-147-2024-art23'], facts: 'Quảng cáo lặp lại', explanation: 'Vi phạm quy định' }
              : { outcome: 'no-violation', category: 'spam', action: 'none', legalBasis: [], facts: 'Không vi phạm', explanation: 'Nội dung hợp lệ' },
            actor,
          );
        }
      }),
    ),
  );
  figures.decisions_per_s = Math.round((targets.length / ms) * 1000 * 10) / 10;
}

export async function bench(): Promise<BenchResult> {
  const url = process.env.KIEMTIN_BENCH_DATABASE_URL ?? process.env.KIEMTIN_TEST_DATABASE_URL;
  const figures: Record<string, number | string> = {};
  const notes = [
    `${DOCS} documents, ${FINDINGS_DOCS} flagged, ${OPEN} open cases + ${DECIDED} decided; autocannon ${CONNECTIONS} connections × ${SECONDS} s per run, in the same process as the server; ${DECISIONS} decisions by 8 concurrent reviewers`,
  ];
  if (!url) return { name: 'queue', figures, notes: ['skipped: set KIEMTIN_BENCH_DATABASE_URL or KIEMTIN_TEST_DATABASE_URL (PostgreSQL server)'] };
  const schema = `bench_queue_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, dataDir: ':memory:', schema });
  let server: ServerType | undefined;
  let ctx: AppContext | undefined;
  try {
    await seed(store.db, figures);
    const config = loadConfig({ DATABASE_URL: url, KIEMTIN_LOG_LEVEL: 'silent' }, { port: 0 });
    ctx = await createContext(config, { store, logger: pino({ level: 'silent' }), detectors: [] });
    const { app } = createApp(ctx);
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    server = started;
    await new Promise<void>((resolve) => (started.listening ? resolve() : started.once('listening', () => resolve())));
    const base = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
    figures.load_average_1m_before = Math.round((await import('node:os')).loadavg()[0]! * 100) / 100;
    await measure(ctx, base, figures);
    figures.load_average_1m_after = Math.round((await import('node:os')).loadavg()[0]! * 100) / 100;
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await ctx?.close();
    await sql.raw(`drop schema "${schema}" cascade`).execute(store.db);
    await store.close();
  }
  return { name: 'queue', figures, notes };
}
