/**
 * The review queue under load, on the PostgreSQL server (KIEMTIN_BENCH_DATABASE_URL or
 * KIEMTIN_TEST_DATABASE_URL): 1M documents, findings for a subset, 100k open cases (plus decided ones)
 * generated with set-based SQL in a throwaway schema; then the real HTTP app on 127.0.0.1 driven by
 * autocannon in a child process (so the load generator does not share the server's event loop) at 100
 * connections: `GET /api/v1/queue?limit=50` first page, keyset next pages (cursors collected
 * beforehand) and a filtered view, uncoded and with `accept-encoding: gzip`, with the in-process page
 * cache on (with and without its background re-reads) and off. Each run reports
 * p50/p97.5/p99, req/s, failed requests and the server process's CPU (process.cpuUsage over the run,
 * % of one core). Also the queue query alone (sequential), a check that pages equal the documented
 * priority order computed in JS over all open cases, and decisions/s (claim + decide on distinct cases,
 * several reviewers at once).
 *
 * Sizes: KIEMTIN_BENCH_QUEUE_DOCS (1000000), KIEMTIN_BENCH_QUEUE_OPEN (100000),
 * KIEMTIN_BENCH_QUEUE_SECONDS per load run (10), KIEMTIN_BENCH_QUEUE_CONNECTIONS (100; a comma list
 * runs the first-page load at each, e.g. "100,25,5" for the latency knee),
 * KIEMTIN_BENCH_QUEUE_DECISIONS (400), KIEMTIN_BENCH_QUEUE_RUNS (load runs to do, by name prefix, comma
 * list; default all). The schema is dropped at the end, also on failure.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
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
import { configureQueueCache, QUEUE_CACHE_TTL_MS, queueCacheStats } from '../src/review/queue-cache.js';
import { openStore, type Db } from '../src/store/db.js';
import {
  listQueue,
  QUEUE_BASE_FLOOR,
  QUEUE_DOUBLING_HOURS,
  type QueueItem,
} from '../src/store/review/cases.js';
import { createToken } from '../src/store/tokens.js';
import type { BenchResult } from './run.js';

const num = (name: string, def: number): number => {
  const v = Number(process.env[name] ?? def);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def;
};
const DOCS = num('KIEMTIN_BENCH_QUEUE_DOCS', 1_000_000);
const OPEN = Math.min(num('KIEMTIN_BENCH_QUEUE_OPEN', 100_000), DOCS);
const SECONDS = Math.min(num('KIEMTIN_BENCH_QUEUE_SECONDS', 10), 60);
const CONNECTION_LIST = (process.env.KIEMTIN_BENCH_QUEUE_CONNECTIONS ?? '100')
  .split(',')
  .map((c) => Math.floor(Number(c)))
  .filter((c) => Number.isFinite(c) && c > 0);
const CONNECTIONS = CONNECTION_LIST[0] ?? 100;
const DECISIONS = Math.min(num('KIEMTIN_BENCH_QUEUE_DECISIONS', 400), OPEN);
// Load runs to do, by name prefix (e.g. "http_first_page,http_gzip"); empty: all of them.
const RUNS = (process.env.KIEMTIN_BENCH_QUEUE_RUNS ?? '')
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
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
    await q(
      `insert into review_case_findings (finding_id, case_id) select g, g from generate_series(1, ${OPEN + DECIDED}) g`,
    );
    await q('analyze');
  });
  figures.seed_s = Math.round(ms / 100) / 10;
}

interface LoadFigures {
  p50: number;
  p97_5: number;
  p99: number;
  rps: number;
  total: number;
  failed: number;
  /** Server process CPU over the run, % of one core. */
  cpu: number;
  /** The load generator's (autocannon child's) CPU over the run, % of one core. */
  clientCpu: number;
  /** Response bytes received per request (headers and body). */
  bytesPerReq: number;
  /** Requests that waited for a page query, after the first 3 s of the run (the rest were answered from a page already read). */
  waited: number;
}

interface LoadJob {
  base: string;
  token: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Request headers besides the token, e.g. accept-encoding. */
  headers: Record<string, string>;
}

/** Child side: runs autocannon for the job sent by the parent and sends back the figures. */
async function loadChild(job: LoadJob): Promise<Omit<LoadFigures, 'cpu' | 'waited'>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await autocannon({
    url: job.base,
    connections: job.connections,
    duration: job.seconds,
    headers: { authorization: `Bearer ${job.token}`, ...job.headers },
    // A fixed sequence each connection cycles through: no per-request callback, so the load generator
    // (on the same 2 cores) spends less CPU per request than a setupRequest closure would.
    requests: job.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
    bytesPerReq: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    clientCpu: Math.round(
      ((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000 / (performance.now() - t0)) * 100,
    ),
  };
}

if (process.env.KIEMTIN_QUEUE_LOAD_CHILD === '1' && process.send) {
  process.once('message', (job: LoadJob) => {
    process.send!({ started: true });
    loadChild(job).then(
      (r) => process.send!(r, () => process.exit(0)),
      (err: unknown) => process.send!({ error: String(err) }, () => process.exit(1)),
    );
  });
}

/** Drives one or several GET paths (round robin) from a child process; the server stays in this one. */
async function load(
  db: Db,
  base: string,
  token: string,
  paths: string[],
  connections = CONNECTIONS,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  // Start from an idle server: the previous run's last requests may still be queued for the pool.
  await settle(base, token);
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, KIEMTIN_QUEUE_LOAD_CHILD: '1' },
    stdio: 'inherit',
  });
  let cpu = process.cpuUsage();
  let t = performance.now();
  let stats = queueCacheStats(db);
  type ChildFigures = Omit<LoadFigures, 'cpu' | 'waited'>;
  const r = await new Promise<ChildFigures | { error: string }>((resolve, reject) => {
    child.on('message', (m: ChildFigures | { error: string } | { started: true }) => {
      if (!('started' in m)) return resolve(m);
      // Count the server's CPU from the moment the load starts (not while the child loads).
      cpu = process.cpuUsage();
      t = performance.now();
      // Waits are counted after the first lifetime of the pages: the first pass of 100 connections over
      // pages that expired while the child started is the same with or without re-reads.
      setTimeout(() => (stats = queueCacheStats(db)), QUEUE_CACHE_TTL_MS + 1000);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load child exited with ${code}`)));
    child.send({ base, token, paths, connections, seconds: SECONDS, headers } satisfies LoadJob);
  });
  if ('error' in r) throw new Error(`load child: ${r.error}`);
  const used = process.cpuUsage(cpu);
  return {
    ...r,
    cpu: Math.round(((used.user + used.system) / 1000 / (performance.now() - t)) * 100),
    waited: queueCacheStats(db).waited - stats.waited,
  };
}

/** The length of a response body as sent (not decoded). */
function bodyBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: ${res.statusCode}`)),
      );
    }).on('error', reject);
  });
}

/** Waits until nothing is queued: two plain requests in a row answer in under a second. */
async function settle(base: string, token: string): Promise<void> {
  for (let fast = 0, tries = 0; fast < 2 && tries < 60; tries++) {
    const t = performance.now();
    await fetch(`${base}/api/v1/queue?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
      r.arrayBuffer(),
    );
    fast = performance.now() - t < 1000 ? fast + 1 : 0;
  }
}

function put(figures: Record<string, number | string>, name: string, r: LoadFigures): void {
  figures[`${name}_p50_ms`] = r.p50;
  figures[`${name}_p97_5_ms`] = r.p97_5;
  figures[`${name}_p99_ms`] = r.p99;
  figures[`${name}_req_per_s`] = r.rps;
  figures[`${name}_requests`] = r.total;
  figures[`${name}_failed_requests`] = r.failed;
  figures[`${name}_server_cpu_pct`] = r.cpu;
  figures[`${name}_load_generator_cpu_pct`] = r.clientCpu;
  figures[`${name}_bytes_per_response`] = r.bytesPerReq;
  figures[`${name}_requests_waiting_for_a_query_after_3s`] = r.waited;
  // Per CPU: the server's CPU time per answered request (wall latency here depends on the machine's load).
  figures[`${name}_server_cpu_ms_per_req`] = r.total
    ? Math.round(((r.cpu / 100) * SECONDS * 1000 * 100) / r.total) / 100
    : 0;
  figures[`${name}_load_generator_cpu_ms_per_req`] = r.total
    ? Math.round(((r.clientCpu / 100) * SECONDS * 1000 * 100) / r.total) / 100
    : 0;
}

/**
 * Pages from listQueue must follow the documented priority, base × 2^((asOf − SLA due) / 24 h), computed
 * here in JS from each open case's base priority, opening time and SLA (not from the stored rank): ten
 * keyset pages against the top 500 of all open cases, and a filtered page.
 */
export async function checkDocumentedOrder(db: Db): Promise<void> {
  const asOf = new Date();
  const all = await db
    .selectFrom('review_cases')
    .select(['id', 'base_priority', 'opened_at', 'sla_hours', 'category', 'claimed_by', 'claim_expires_at'])
    .where('state', '=', 'open')
    .execute();
  const prio = (r: (typeof all)[number]) =>
    Math.max(r.base_priority, QUEUE_BASE_FLOOR) *
    2 **
      ((asOf.getTime() - r.opened_at.getTime() - r.sla_hours * 3600_000) / (QUEUE_DOUBLING_HOURS * 3600_000));
  const byId = new Map(all.map((r) => [r.id, r]));
  const ranked = all.map((r) => ({ id: r.id, p: prio(r), r })).sort((a, b) => b.p - a.p || a.id - b.id);
  const pages: QueueItem[] = [];
  for (let i = 0; i < 10; i++) {
    const last = pages[pages.length - 1];
    pages.push(
      ...(await listQueue(
        db,
        { states: ['open'] },
        { asOf, ...(last ? { after: { asOf, rank: last.rank, id: last.id } } : {}), limit: 50 },
      )),
    );
  }
  const filtered = await listQueue(
    db,
    { states: ['open'], categories: ['personal-data', 'scam-fraud'], claim: 'unclaimed' },
    { asOf, limit: 50 },
  );
  const wantFiltered = ranked.filter(
    ({ r }) =>
      ['scam-fraud', 'personal-data'].includes(r.category) &&
      (r.claimed_by === null || r.claim_expires_at! < asOf),
  );
  for (const [name, got, want] of [
    ['pages', pages, ranked.slice(0, 500)],
    ['filtered', filtered, wantFiltered.slice(0, 50)],
  ] as const) {
    if (got.length !== want.length)
      throw new Error(`queue ${name}: ${got.length} cases, expected ${want.length}`);
    got.forEach((g, i) => {
      const w = want[i]!;
      // JS sees opening times in ms, the database in µs (seeded with now()): allow 1e-7 relative (1 ms is
      // 8e-9 of a doubling). Equal priorities within that may come in either order; anything else must match.
      if (g.id !== w.id && Math.abs(prio(byId.get(g.id)!) - w.p) > 1e-7 * w.p)
        throw new Error(`queue ${name} #${i}: case ${g.id}, expected ${w.id}`);
      if (Math.abs(g.priority - prio(byId.get(g.id)!)) > 1e-7 * g.priority)
        throw new Error(
          `queue ${name} #${i}: priority ${g.priority} differs from the formula (${prio(byId.get(g.id)!)})`,
        );
    });
  }
}

async function measure(
  ctx: AppContext,
  base: string,
  figures: Record<string, number | string>,
): Promise<void> {
  const db = ctx.db;
  const now = new Date();
  const { token } = await createToken(db, { name: 'bench-reviewer', role: 'reviewer', outletId: null, now });

  // The query alone, one at a time (no HTTP, no cache, no contention from the load runs).
  const median = async (f: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 11; i++) samples.push((await timed(f))[1]);
    return Math.round(samples.sort((a, b) => a - b)[5]! * 100) / 100;
  };
  const open = { states: ['open'] as const };
  figures.query_first_page_median_ms = await median(() =>
    listQueue(db, open, { asOf: new Date(), limit: 50 }),
  );
  const deep = (await listQueue(db, open, { asOf: new Date(), limit: 1000 })).at(-1)!;
  figures.query_page_after_1000_median_ms = await median(() =>
    listQueue(db, open, {
      asOf: new Date(),
      after: { asOf: new Date(), rank: deep.rank, id: deep.id },
      limit: 50,
    }),
  );
  figures.query_two_categories_unclaimed_median_ms = await median(() =>
    listQueue(
      db,
      { ...open, categories: ['personal-data', 'scam-fraud'], claim: 'unclaimed' },
      { asOf: new Date(), limit: 50 },
    ),
  );
  figures.query_outlet_median_ms = await median(() =>
    listQueue(db, { ...open, outletId: 'o17' }, { asOf: new Date(), limit: 50 }),
  );
  figures.query_mine_median_ms = await median(() =>
    listQueue(db, { ...open, claim: 'mine', actor: 'user:r3' }, { asOf: new Date(), limit: 50 }),
  );
  figures.query_two_states_median_ms = await median(() =>
    listQueue(db, { states: ['open', 'actioned'] }, { asOf: new Date(), limit: 50 }),
  );

  await checkDocumentedOrder(db);

  // Cursors of pages 2..21, read once; their asOf keeps them valid during the run.
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const p = await queuePage(
      { db, clock: systemClock },
      {},
      { actor: 'bench', limit: 50, ...(cursor ? { cursor } : {}) },
    );
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
    cursors.push(cursor);
  }
  const check = await fetch(`${base}/api/v1/queue?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || body.items?.length !== 50)
    throw new Error(`queue over HTTP: ${check.status} ${JSON.stringify(body).slice(0, 200)}`);
  // Body sizes of the first page in each coding (fetch would decode gzip and br: read them with node:http).
  for (const coding of ['identity', 'gzip', 'br'])
    figures[`page_body_bytes_${coding}`] = await bodyBytes(`${base}/api/v1/queue?limit=50`, {
      authorization: `Bearer ${token}`,
      'accept-encoding': coding,
    });

  const first = ['/api/v1/queue?limit=50'];
  const next = cursors.map((c) => `/api/v1/queue?limit=50&cursor=${c}`);
  const filtered = ['/api/v1/queue?limit=50&category=scam-fraud,personal-data&claim=unclaimed'];
  figures.page_cache_ttl_ms = QUEUE_CACHE_TTL_MS;
  const run = async (
    name: string,
    paths: string[],
    connections = CONNECTIONS,
    headers: Record<string, string> = {},
  ) => {
    if (RUNS.length === 0 || RUNS.some((r) => name.startsWith(r)))
      put(figures, name, await load(db, base, token, paths, connections, headers));
  };
  await run('http_first_page', first);
  await run('http_next_pages', next);
  await run('http_filtered', filtered);
  // As a browser asks: the same pages gzip-coded (made once per cached page, docs/review.md).
  const gzip = { 'accept-encoding': 'gzip' };
  await run('http_gzip_first_page', first, CONNECTIONS, gzip);
  await run('http_gzip_next_pages', next, CONNECTIONS, gzip);
  await run('http_gzip_filtered', filtered, CONNECTIONS, gzip);
  // The cache as before background re-reads: a page in use expires every TTL with requests waiting on it.
  configureQueueCache(db, { ttlMs: QUEUE_CACHE_TTL_MS, refreshAhead: false });
  await run('http_norefresh_next_pages', next);
  await run('http_norefresh_filtered', filtered);
  // Without the page cache: every request reads the database.
  configureQueueCache(db, { ttlMs: 0 });
  await run('http_nocache_first_page', first);
  await run('http_nocache_mixed', [...first, ...next, ...filtered]);
  for (const c of CONNECTION_LIST.slice(1))
    await run(`http_nocache_mixed_${c}conn`, [...first, ...next, ...filtered], c);
  configureQueueCache(db, { ttlMs: QUEUE_CACHE_TTL_MS });
  for (const c of CONNECTION_LIST.slice(1)) await run(`http_first_page_${c}conn`, first, c);

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
  const cpu = process.cpuUsage();
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
              ? {
                  outcome: 'violation',
                  category: 'spam',
                  action: 'notice',
                  legalBasis: ['decree-147-2024-art23'],
                  facts: 'Quảng cáo lặp lại',
                  explanation: 'Vi phạm quy định',
                }
              : {
                  outcome: 'no-violation',
                  category: 'spam',
                  action: 'none',
                  legalBasis: [],
                  facts: 'Không vi phạm',
                  explanation: 'Nội dung hợp lệ',
                },
            actor,
          );
        }
      }),
    ),
  );
  const used = process.cpuUsage(cpu);
  figures.decisions_per_s = Math.round((targets.length / ms) * 1000 * 10) / 10;
  figures.decisions_node_cpu_ms_each =
    Math.round(((used.user + used.system) / 1000 / targets.length) * 100) / 100;
}

export async function bench(): Promise<BenchResult> {
  const url = process.env.KIEMTIN_BENCH_DATABASE_URL ?? process.env.KIEMTIN_TEST_DATABASE_URL;
  const figures: Record<string, number | string> = {};
  const notes = [
    `${DOCS} documents, ${FINDINGS_DOCS} flagged, ${OPEN} open cases + ${DECIDED} decided; autocannon ${CONNECTION_LIST.join('/')} connections × ${SECONDS} s per run in a child process (server CPU = % of one core used by the server process over the run); ${DECISIONS} decisions by 8 concurrent reviewers`,
  ];
  if (!url)
    return {
      name: 'queue',
      figures,
      notes: ['skipped: set KIEMTIN_BENCH_DATABASE_URL or KIEMTIN_TEST_DATABASE_URL (PostgreSQL server)'],
    };
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
    await new Promise<void>((resolve) =>
      started.listening ? resolve() : started.once('listening', () => resolve()),
    );
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
