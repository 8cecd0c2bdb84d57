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
  let q = db.selectFrom('review_cases').selectAll().where(byRef(ref));
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toStoredCase(row) : null;
}

/** A case by its number or numeric id, as a condition. */
function byRef(ref: string) {
  return (eb: ExpressionBuilder<Database, 'review_cases'>) => (/^\d+$/.test(ref) && Number(ref) <= 2_147_483_647 ? eb('id', '=', Number(ref)) : eb('number', '=', ref));
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
 * Claims a case (number or id) for `actor` until `until`: one conditional UPDATE, so of two reviewers claiming at
 * once exactly one gets the row back. A claim held by someone else is taken only once it has expired.
 */
export async function claimCaseRow(db: DbOrTrx, ref: string, actor: string, now: Date, until: Date, states: readonly string[]): Promise<StoredCase | null> {
  const row = await db
    .updateTable('review_cases')
    .set({ claimed_by: actor, claim_expires_at: until })
    .where(byRef(ref))
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
  /** When the first page was read: priorities and claim/overdue filters are evaluated at this time. */
  asOf: Date;
  /** queue_rank and id of the last case of the previous page. */
  rank: number;
  id: number;
}

/** A queue row: the case without its findings (only their number) and its priority at the time of reading. */
export interface QueueItem extends Omit<StoredCase, 'findings'> {
  findingCount: number;
  /** The stored order key (queue_rank); priority = 2^(rank + hours since 2000 / QUEUE_DOUBLING_HOURS). */
  rank: number;
  priority: number;
}

/** Every case's priority doubles in this many hours (the same rate for all, so the order is stored). */
export const QUEUE_DOUBLING_HOURS = 24;
/** Base priorities are floored at this value in the rank (log of zero). */
export const QUEUE_BASE_FLOOR = 1e-9;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const hoursSince2000 = (t: Date): number => (t.getTime() - EPOCH_2000_MS) / 3600_000;

/**
 * The JS twin of the generated column review_cases.queue_rank (migration 20261129T0010-queue-rank):
 * log2(base priority) − (SLA due time in hours since 2000) / 24.
 */
export function queueRank(basePriority: number, openedAt: Date, slaHours: number): number {
  return Math.log(Math.max(basePriority, QUEUE_BASE_FLOOR)) / Math.LN2 - (hoursSince2000(openedAt) + slaHours) / QUEUE_DOUBLING_HOURS;
}

/**
 * The priority at time `at` of a case of this rank: base × 2^((at − SLA due time) / 24 h). Computed from
 * the rank, so it never disagrees with the stored order (monotone in the rank).
 */
export function priorityAt(rank: number, at: Date): number {
  return 2 ** (rank + hoursSince2000(at) / QUEUE_DOUBLING_HOURS);
}

function queueWhere(f: QueueFilter, state: string, asOf: Date, after: QueueCursor | undefined) {
  return (eb: ExpressionBuilder<Database, 'review_cases'>) => {
    const c: Array<Expression<SqlBool>> = [eb('state', '=', state)];
    if (f.categories?.length === 1) c.push(eb('category', '=', f.categories[0]!));
    else if (f.categories?.length) c.push(eb('category', 'in', [...f.categories]));
    if (f.outletId) c.push(eb('outlet_id', '=', f.outletId));
    if (f.source) c.push(eb('source', '=', f.source));
    if (f.claim === 'unclaimed') c.push(eb.or([eb('claimed_by', 'is', null), eb('claim_expires_at', '<', asOf)]));
    if (f.claim === 'mine' && f.actor) c.push(eb('claimed_by', '=', f.actor), eb('claim_expires_at', '>=', asOf));
    if (f.overdue) c.push(sql<boolean>`opened_at + make_interval(hours => sla_hours) < ${asOf}::timestamptz`);
    // Keyset on (queue_rank desc, id): the first condition bounds the index range, the second breaks ties.
    if (after) c.push(eb('queue_rank', '<=', after.rank), eb.or([eb('queue_rank', '<', after.rank), eb('id', '>', after.id)]));
    return eb.and(c);
  };
}

/**
 * The queue, highest priority first, `page.limit` cases after the cursor. Priority is base ×
 * 2^((asOf − SLA due time) / 24 h); since all cases rise at the same rate the order is the stored
 * column queue_rank, read from an index (state, [category | outlet,] queue_rank desc, id), so a page
 * costs about `limit` index entries and heap rows whatever the size of the queue. Several states are
 * read one index range each and merged. Findings are not read, only counted.
 */
export async function listQueue(db: DbOrTrx, f: QueueFilter, page: { asOf: Date; after?: QueueCursor; limit: number }): Promise<QueueItem[]> {
  const asOf = page.after?.asOf ?? page.asOf;
  const rows: QueueRow[] = [];
  // Sequential: `db` may be a transaction (one connection).
  for (const state of new Set(f.states)) {
    rows.push(
      ...(await db
        .selectFrom('review_cases')
        .select(QUEUE_COLUMNS)
        .select(sql<number>`jsonb_array_length(findings)`.as('finding_count'))
        .where(queueWhere(f, state, asOf, page.after))
        .orderBy('queue_rank', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .execute()),
    );
  }
  if (f.states.length > 1) rows.sort((a, b) => b.queue_rank - a.queue_rank || a.id - b.id);
  return rows.slice(0, page.limit).map((r) => {
    const { findings: _omit, ...c } = toStoredCase({ ...r, findings: [] });
    const rank = Number(r.queue_rank);
    return { ...c, findingCount: Number(r.finding_count), rank, priority: priorityAt(rank, asOf) };
  });
}

const QUEUE_COLUMNS = [
  'id',
  'number',
  'subject_kind',
  'subject_ref',
  'outlet_id',
  'document_id',
  'url',
  'title',
  'category',
  'source',
  'severity',
  'confidence',
  'reach',
  'base_priority',
  'sla_hours',
  'state',
  'note',
  'claimed_by',
  'claim_expires_at',
  'opened_by',
  'opened_at',
  'act_date',
  'decided_at',
  'closed_at',
  'queue_rank',
] as const;
type QueueRow = Omit<Selectable<ReviewCasesTable>, 'findings'> & { finding_count: number };
