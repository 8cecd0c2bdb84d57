import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { DbOrTrx, Trx } from '../db.js';
import type { Database } from '../schema.js';
import type { ReviewCasesTable } from './tables/cases.js';

/** A case as stored; the review stage narrows the string unions. */
export interface StoredCase {
  id: number;
  number: string;
  subjectKind: string;
  subjectRef: string;
  outletId: string | null;
  documentId: string | null;
  url: string | null;
  title: string | null;
  category: string;
  source: string;
  severity: number;
  confidence: number;
  reach: number;
  basePriority: number;
  slaHours: number;
  slaDueAt: Date;
  state: string;
  findings: unknown[];
  note: string | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  openedBy: string;
  openedAt: Date;
  actDate: Date;
  decidedAt: Date | null;
  closedAt: Date | null;
}

/** Maps a row to the domain object (the one place this happens). */
export function toStoredCase(r: Selectable<ReviewCasesTable>): StoredCase {
  return {
    id: r.id,
    number: r.number,
    subjectKind: r.subject_kind,
    subjectRef: r.subject_ref,
    outletId: r.outlet_id,
    documentId: r.document_id,
    url: r.url,
    title: r.title,
    category: r.category,
    source: r.source,
    severity: r.severity,
    confidence: r.confidence,
    reach: r.reach,
    basePriority: r.base_priority,
    slaHours: r.sla_hours,
    slaDueAt: new Date(r.opened_at.getTime() + r.sla_hours * 3600_000),
    state: r.state,
    findings: r.findings as unknown[],
    note: r.note,
    claimedBy: r.claimed_by,
    claimExpiresAt: r.claim_expires_at,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    actDate: r.act_date,
    decidedAt: r.decided_at,
    closedAt: r.closed_at,
  };
}

export type NewCase = Omit<StoredCase, 'id' | 'number' | 'slaDueAt' | 'claimedBy' | 'claimExpiresAt' | 'decidedAt' | 'closedAt'>;

/** Inserts a case and gives it its public number, KT-<year>-<id padded to 6>. */
export async function insertCase(trx: Trx, c: NewCase): Promise<StoredCase> {
  const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('review_cases', 'id'))::int as id`.execute(trx);
  const id = Number(rows[0]!.id);
  const number = `KT-${c.openedAt.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
  const row = await trx
    .insertInto('review_cases')
    .values({
      id,
      number,
      subject_kind: c.subjectKind,
      subject_ref: c.subjectRef,
      outlet_id: c.outletId,
      document_id: c.documentId,
      url: c.url,
      title: c.title,
      category: c.category,
      source: c.source,
      severity: c.severity,
      confidence: c.confidence,
      reach: c.reach,
      base_priority: c.basePriority,
      sla_hours: c.slaHours,
      state: c.state,
      findings: JSON.stringify(c.findings),
      note: c.note,
      claimed_by: null,
      claim_expires_at: null,
      opened_by: c.openedBy,
      opened_at: c.openedAt,
      act_date: c.actDate,
      decided_at: null,
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStoredCase(row);
}

/** A case by its number ("KT-2026-000001") or numeric id; `forUpdate` locks the row in the transaction. */
export async function findCase(db: DbOrTrx, ref: string, opts: { forUpdate?: boolean } = {}): Promise<StoredCase | null> {
  let q = db.selectFrom('review_cases').selectAll();
  q = /^\d+$/.test(ref) && Number(ref) <= 2_147_483_647 ? q.where('id', '=', Number(ref)) : q.where('number', '=', ref);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toStoredCase(row) : null;
}

/** The case still being handled for a subject, if any. */
export async function findOpenCaseForSubject(db: DbOrTrx, kind: string, ref: string): Promise<StoredCase | null> {
  const row = await db
    .selectFrom('review_cases')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_ref', '=', ref)
    .where('state', '<>', 'closed')
    .forUpdate()
    .executeTakeFirst();
  return row ? toStoredCase(row) : null;
}

/**
 * Claims a case for `actor` until `until`: one conditional UPDATE, so of two reviewers claiming at
 * once exactly one gets the row back. A claim held by someone else is taken only once it has expired.
 */
export async function claimCaseRow(db: DbOrTrx, id: number, actor: string, now: Date, until: Date, states: readonly string[]): Promise<StoredCase | null> {
  const row = await db
    .updateTable('review_cases')
    .set({ claimed_by: actor, claim_expires_at: until })
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', actor), eb('claim_expires_at', '<', now)]))
    .returningAll()
    .executeTakeFirst();
  return row ? toStoredCase(row) : null;
}

export interface QueueFilter {
  states: readonly string[];
  categories?: readonly string[];
  outletId?: string;
  source?: string;
  /** 'unclaimed': free or expired claims; 'mine': claimed by `actor` and not expired. */
  claim?: 'any' | 'unclaimed' | 'mine';
  actor?: string;
  overdue?: boolean;
}

export interface QueueCursor {
  asOf: Date;
  priority: number;
  id: number;
}

// Index expressions of migration 20261128T2200-queue-indexes (keep the text equal, or the planner
// cannot use the indexes). For a case opened by time T: priority = slope × (T in hours − due line).
const QUEUE_SLOPE = sql<number>`(base_priority / nullif(sla_hours, 0))`;
const QUEUE_DUE_LINE = sql<number>`(date_part('epoch', opened_at - timestamptz '2000-01-01 00:00:00+00') / 3600 - sla_hours)`;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);

function queueWhere(f: QueueFilter, asOf: Date) {
  return (eb: ExpressionBuilder<Database, 'review_cases'>) => {
    const c: Array<Expression<SqlBool>> = [eb('state', 'in', [...f.states])];
    if (f.categories?.length) c.push(eb('category', 'in', [...f.categories]));
    if (f.outletId) c.push(eb('outlet_id', '=', f.outletId));
    if (f.source) c.push(eb('source', '=', f.source));
    if (f.claim === 'unclaimed') c.push(eb.or([eb('claimed_by', 'is', null), eb('claim_expires_at', '<', asOf)]));
    if (f.claim === 'mine' && f.actor) c.push(eb('claimed_by', '=', f.actor), eb('claim_expires_at', '>=', asOf));
    if (f.overdue) c.push(sql<boolean>`opened_at + make_interval(hours => sla_hours) < ${asOf}::timestamptz`);
    return eb.and(c);
  };
}

/**
 * The queue, highest priority first: base priority × (1 + age / SLA), evaluated at `asOf` so that
 * keyset pagination is stable while the queue ages (the cursor carries `asOf`).
 *
 * The order changes with time, so no index holds it; sorting every open case per page cost ~300 ms
 * at 100k open cases (bench/queue.bench.ts). Instead: a probe of the cases with the steepest slope and
 * the earliest due line gives θ, a lower bound of the page's last priority; since priority = slope ×
 * (T − due line), a case can reach θ only if slope ≥ θ / (T − earliest due line) and due line ≤
 * T − θ / steepest slope, two index ranges. Cases opened after `asOf` (age clamped to 0) are added
 * as they are. The result is the same as sorting everything; without a usable θ it does just that.
 */
export async function listQueue(
  db: DbOrTrx,
  f: QueueFilter,
  page: { asOf: Date; after?: QueueCursor; limit: number },
): Promise<Array<StoredCase & { priority: number }>> {
  const asOf = page.after?.asOf ?? page.asOf;
  const priority = sql<number>`base_priority * (1 + greatest(0, extract(epoch from (${asOf}::timestamptz - opened_at)))::float8 / (sla_hours * 3600.0))`;
  const where = queueWhere(f, asOf);
  const afterCursor = (eb: ExpressionBuilder<Database, 'review_cases'>) => {
    const a = page.after!;
    return eb.or([eb(priority, '<', a.priority), eb.and([eb(priority, '=', a.priority), eb('id', '>', a.id)])]);
  };
  let q = db.selectFrom('review_cases').selectAll().select(priority.as('priority')).where(where);
  if (page.after) q = q.where(afterCursor);

  // θ is only a bound, so the probe ranks by a float8 twin of `priority` (extract() is numeric and
  // costs ~10x more; the two differ by far less than the 1e-9 margin taken below).
  const approx = sql<number>`base_priority * (1 + greatest(0, date_part('epoch', ${asOf}::timestamptz - opened_at)) / (sla_hours * 3600))`;
  const bySlope = (size: number, maxDueLine: number | null) =>
    db
      .selectFrom('review_cases')
      .select('id')
      .where(where)
      .$if(maxDueLine !== null, (w) => w.where(QUEUE_DUE_LINE, '<=', maxDueLine!))
      .orderBy(QUEUE_SLOPE, 'desc')
      .limit(size);
  const byDueLine = (size: number) => db.selectFrom('review_cases').select('id').where(where).orderBy(QUEUE_DUE_LINE).limit(size);
  /** The page.limit-th best priority among the probed cases (a lower bound of the page's last one), or 0. */
  const probeTheta = async (ids: ReturnType<typeof bySlope>, more?: ReturnType<typeof byDueLine>): Promise<number> => {
    let probe = db
      .selectFrom('review_cases')
      .select(approx.as('priority'))
      .where('id', 'in', (eb) => {
        const first = eb.selectFrom(ids.as('s')).select('s.id');
        return more ? first.union(eb.selectFrom(more.as('d')).select('d.id')) : first;
      });
    if (page.after) probe = probe.where(afterCursor);
    const probed = await probe.orderBy(approx, 'desc').limit(page.limit).execute();
    return probed.length === page.limit ? Number(probed[probed.length - 1]!.priority) * (1 - 1e-9) : 0;
  };
  // Sequential: `db` may be a transaction (one connection).
  const extremes = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('review_cases').select(QUEUE_DUE_LINE.as('v')).where(where).orderBy(QUEUE_DUE_LINE).limit(1).as('earliest'),
      eb.selectFrom('review_cases').select(QUEUE_SLOPE.as('v')).where(where).where(QUEUE_SLOPE, 'is not', null).orderBy(QUEUE_SLOPE, 'desc').limit(1).as('steepest'),
    ])
    .executeTakeFirstOrThrow();
  const nowHours = (asOf.getTime() - EPOCH_2000_MS) / 3600_000;
  const span = extremes.earliest === null ? 0 : nowHours - Number(extremes.earliest);
  const maxSlope = extremes.steepest === null ? 0 : Number(extremes.steepest);
  let theta = 0;
  let size = Math.max(100, page.limit * 2);
  // Deeper pages leave fewer probed cases after the cursor: probe wider before giving up the bound.
  for (; span > 0 && maxSlope > 0 && size <= 10_000; size *= 8) {
    theta = await probeTheta(bySlope(size, null), byDueLine(size));
    if (theta > 0 || !page.after) break;
  }
  if (theta > 0) {
    // A second, sharper probe: the steepest cases among those old enough to reach the first bound.
    theta = Math.max(theta, await probeTheta(bySlope(Math.max(100, page.limit * 2), nowHours - theta / maxSlope)));
    const minSlope = theta / span;
    const maxDueLine = nowHours - theta / maxSlope;
    q = q.where((eb) =>
      eb.or([eb.and([eb(QUEUE_SLOPE, '>=', minSlope), eb(QUEUE_DUE_LINE, '<=', maxDueLine)]), eb('opened_at', '>', asOf)]),
    );
  }
  const rows = await q.orderBy(priority, 'desc').orderBy('id').limit(page.limit).execute();
  return rows.map((r) => ({ ...toStoredCase(r), priority: Number(r.priority) }));
}
