import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { Db, Trx } from '../store/db.js';
import { appendAudit } from '../store/review/audit.js';
import {
  claimCaseRow,
  findCase,
  findOpenCaseForSubject,
  insertCase,
  listQueue,
  type QueueCursor,
  type QueueFilter,
  type QueueItem,
  type StoredCase,
} from '../store/review/cases.js';
import { basePriority, categoryPolicy } from './policy.js';
import { cachedQueue, changeCases } from './queue-cache.js';
import type { CaseFinding, DetectionSource, SubjectKind } from './types.js';

/** What every review service needs: the store and the clock. */
export interface ReviewDeps {
  db: Db;
  clock: Clock;
}

/** How long a claim holds before another reviewer may take the case. */
export const DEFAULT_CLAIM_MINUTES = 30;

/** The audit subject of a case. */
export const caseSubject = (c: { number: string }): string => `case:${c.number}`;

/** Loads a case by number or id, or throws NOT_FOUND. */
export async function requireCase(db: Db | Trx, ref: string, opts: { forUpdate?: boolean } = {}): Promise<StoredCase> {
  const c = await findCase(db, ref, opts);
  if (!c) throw new AppError('NOT_FOUND', `No case "${ref}"`);
  return c;
}

export interface TriageReport {
  findings: number;
  opened: number;
  updated: number;
  cases: string[];
}

/**
 * Turns findings at or above `minScore` that are not in a case yet into queue items: one case per
 * document still being handled, which later findings join. Each document is one transaction with
 * its audit entry; running it again changes nothing.
 */
export async function triageFindings(deps: ReviewDeps, opts: { minScore?: number; actor?: string; limit?: number } = {}): Promise<TriageReport> {
  const minScore = opts.minScore ?? 0.5;
  const actor = opts.actor ?? 'system:triage';
  const rows = await deps.db
    .selectFrom('findings as f')
    .innerJoin('documents as d', 'd.id', 'f.document_id')
    .leftJoin('review_case_findings as rcf', 'rcf.finding_id', 'f.id')
    .where('rcf.finding_id', 'is', null)
    .where('f.score', '>=', minScore)
    .select([
      'f.id',
      'f.document_id',
      'f.detector',
      'f.detector_version',
      'f.category',
      'f.score',
      'f.explanation',
      'f.evidence',
      'd.outlet_id',
      'd.url',
      'd.title',
      'd.published_at',
      'd.first_seen_at',
    ])
    .orderBy('f.id')
    .limit(opts.limit ?? 10_000)
    .execute();
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows) byDoc.set(r.document_id, [...(byDoc.get(r.document_id) ?? []), r]);
  const report: TriageReport = { findings: rows.length, opened: 0, updated: 0, cases: [] };
  // Reach: replies under each document, counted in one query for the batch.
  const replyCounts = byDoc.size
    ? await deps.db
        .selectFrom('documents')
        .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('parent_id', 'in', [...byDoc.keys()])
        .groupBy('parent_id')
        .execute()
    : [];
  const replies = new Map(replyCounts.map((r) => [r.parent_id, Number(r.n)]));
  for (const [docId, group] of byDoc) {
    const first = group[0]!;
    const reach = replies.get(docId) ?? 0;
    const found: CaseFinding[] = group.map((r) => ({
      id: r.id,
      detector: r.detector,
      detectorVersion: r.detector_version,
      category: r.category,
      score: r.score,
      explanation: r.explanation,
      evidence: r.evidence as Record<string, unknown>,
    }));
    const now = deps.clock.now();
    const number = await changeCases(deps, async (trx) => {
      const existing = await findOpenCaseForSubject(trx, 'document', docId);
      if (existing) {
        const all = [...(existing.findings as CaseFinding[]), ...found];
        const top = topFinding(all);
        const confidence = Math.max(existing.confidence, top.score);
        await trx
          .updateTable('review_cases')
          .set({ findings: JSON.stringify(all), confidence, reach, base_priority: basePriority(existing.severity, confidence, reach) })
          .where('id', '=', existing.id)
          .execute();
        await trx.insertInto('review_case_findings').values(found.map((f) => ({ finding_id: f.id, case_id: existing.id }))).execute();
        await appendAudit(trx, { actor, action: 'case.findings-added', subject: caseSubject(existing), payload: { findings: found.map((f) => f.id), confidence } }, now);
        report.updated++;
        return existing.number;
      }
      const top = topFinding(found);
      const policy = categoryPolicy(top.category);
      const c = await insertCase(trx, {
        subjectKind: 'document',
        subjectRef: docId,
        outletId: first.outlet_id,
        documentId: docId,
        url: first.url,
        title: first.title,
        category: top.category,
        source: 'automated',
        severity: policy.severity,
        confidence: top.score,
        reach,
        basePriority: basePriority(policy.severity, top.score, reach),
        slaHours: policy.slaHours,
        state: 'open',
        findings: found,
        note: null,
        openedBy: actor,
        openedAt: now,
        actDate: first.published_at ?? first.first_seen_at,
      });
      await trx.insertInto('review_case_findings').values(found.map((f) => ({ finding_id: f.id, case_id: c.id }))).execute();
      await appendAudit(
        trx,
        { actor, action: 'case.opened', subject: caseSubject(c), payload: { subject: `document:${docId}`, category: c.category, source: 'automated', findings: found.map((f) => f.id), priority: c.basePriority } },
        now,
      );
      report.opened++;
      return c.number;
    });
    report.cases.push(number);
  }
  return report;
}

function topFinding(fs: readonly CaseFinding[]): CaseFinding {
  return fs.reduce((a, b) => (b.score * categoryPolicy(b.category).severity > a.score * categoryPolicy(a.category).severity ? b : a));
}

export interface NewCaseInput {
  subjectKind: SubjectKind;
  /** Document id; outlet id; "outletId/handle" for an account; a campaign (cluster) id. */
  subjectRef: string;
  category: string;
  source: Exclude<DetectionSource, 'automated'>;
  note: string;
  /** When the act took place, if not the document's date. */
  actDate?: Date;
}

/** Opens a case by hand: a report from outside or a reviewer's own initiative. */
export async function openCase(deps: ReviewDeps, input: NewCaseInput, actor: string): Promise<StoredCase> {
  const now = deps.clock.now();
  let outletId: string | null = null;
  let documentId: string | null = null;
  let url: string | null = null;
  let title: string | null = null;
  let actDate = input.actDate ?? null;
  if (input.subjectKind === 'document') {
    const d = await deps.db.selectFrom('documents').select(['id', 'outlet_id', 'url', 'title', 'published_at', 'first_seen_at']).where('id', '=', input.subjectRef).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', `subjectRef: no document "${input.subjectRef}"`);
    ({ outlet_id: outletId, id: documentId, url, title } = d);
    actDate ??= d.published_at ?? d.first_seen_at;
  } else if (input.subjectKind === 'outlet' || input.subjectKind === 'account') {
    const id = input.subjectKind === 'outlet' ? input.subjectRef : (input.subjectRef.split('/')[0] ?? '');
    const o = await deps.db.selectFrom('outlets').select(['id', 'home_url', 'name']).where('id', '=', id).executeTakeFirst();
    if (!o) throw new AppError('NOT_FOUND', `subjectRef: no outlet "${id}"${input.subjectKind === 'account' ? ' (accounts are "outletId/handle")' : ''}`);
    outletId = o.id;
    url = input.subjectKind === 'outlet' ? o.home_url : null;
    title = input.subjectKind === 'outlet' ? o.name : input.subjectRef;
  }
  const policy = categoryPolicy(input.category);
  const confidence = 0.5;
  return changeCases(deps, async (trx) => {
    const existing = await findOpenCaseForSubject(trx, input.subjectKind, input.subjectRef);
    if (existing) throw new AppError('CONFLICT', `Case ${existing.number} for this subject is still open`, { details: { case: existing.number } });
    const c = await insertCase(trx, {
      subjectKind: input.subjectKind,
      subjectRef: input.subjectRef,
      outletId,
      documentId,
      url,
      title,
      category: input.category,
      source: input.source,
      severity: policy.severity,
      confidence,
      reach: 0,
      basePriority: basePriority(policy.severity, confidence, 0),
      slaHours: policy.slaHours,
      state: 'open',
      findings: [],
      note: input.note,
      openedBy: actor,
      openedAt: now,
      actDate: actDate ?? now,
    });
    await appendAudit(trx, { actor, action: 'case.opened', subject: caseSubject(c), payload: { subject: `${input.subjectKind}:${input.subjectRef}`, category: c.category, source: input.source, note: input.note } }, now);
    return c;
  });
}

/** States in which a case waits for a reviewer's decision. */
const CLAIMABLE = ['open'] as const;

/**
 * Claims a case for a reviewer for `minutes`. Exactly one of two concurrent claims wins; the other gets
 * CONFLICT naming the holder and when the claim expires.
 */
export async function claimCase(deps: ReviewDeps, ref: string, actor: string, minutes = DEFAULT_CLAIM_MINUTES): Promise<StoredCase> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + minutes * 60_000);
  return changeCases(deps, async (trx) => {
    const claimed = await claimCaseRow(trx, ref, actor, now, until, CLAIMABLE);
    if (!claimed) {
      const cur = await requireCase(trx, ref);
      if (!(CLAIMABLE as readonly string[]).includes(cur.state)) throw new AppError('CONFLICT', `Case ${cur.number} is ${cur.state}, not waiting for a decision`);
      throw new AppError('CONFLICT', `Case ${cur.number} is claimed by ${cur.claimedBy} until ${cur.claimExpiresAt?.toISOString()}`, {
        details: { claimedBy: cur.claimedBy, claimExpiresAt: cur.claimExpiresAt?.toISOString() },
      });
    }
    await appendAudit(trx, { actor, action: 'case.claimed', subject: caseSubject(claimed), payload: { until } }, now);
    return claimed;
  });
}

/** Gives a claimed case back to the queue. */
export async function releaseCase(deps: ReviewDeps, ref: string, actor: string): Promise<StoredCase> {
  const now = deps.clock.now();
  return changeCases(deps, async (trx) => {
    const c = await requireCase(trx, ref, { forUpdate: true });
    if (c.claimedBy !== actor) throw new AppError('CONFLICT', `Case ${c.number} is not claimed by you`);
    await trx.updateTable('review_cases').set({ claimed_by: null, claim_expires_at: null }).where('id', '=', c.id).execute();
    await appendAudit(trx, { actor, action: 'case.released', subject: caseSubject(c), payload: {} }, now);
    return { ...c, claimedBy: null, claimExpiresAt: null };
  });
}

/** Queue filters as a client sends them (also what a saved view stores). */
export interface QueueQuery {
  state?: string[];
  category?: string[];
  outlet?: string;
  source?: string;
  claim?: 'any' | 'unclaimed' | 'mine';
  overdue?: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * One page of the queue and the cursor of the next. Pages are served from the in-process cache
 * (queue-cache.ts) when the same page was read less than QUEUE_CACHE_TTL_MS ago and no case changed
 * through this process since; the cursor carries the time the first page was read.
 */
export async function queuePage(deps: ReviewDeps, q: QueueQuery, page: { actor: string; cursor?: string; limit: number }): Promise<QueuePage> {
  const after = page.cursor ? decodeQueueCursor(page.cursor) : undefined;
  const filter: QueueFilter = {
    states: q.state?.length ? [...new Set(q.state)].sort() : ['open'],
    ...(q.category?.length ? { categories: [...new Set(q.category)].sort() } : {}),
    ...(q.outlet ? { outletId: q.outlet } : {}),
    ...(q.source ? { source: q.source } : {}),
    claim: q.claim ?? 'any',
    actor: page.actor,
    ...(q.overdue ? { overdue: true } : {}),
  };
  // The actor matters only to "mine"; everyone else shares the page.
  const key = JSON.stringify([filter.states, filter.categories, filter.outletId, filter.source, filter.claim, filter.claim === 'mine' ? page.actor : '', !!filter.overdue, page.cursor ?? '', page.limit]);
  return cachedQueue(deps, key, async () => {
    const asOf = after?.asOf ?? deps.clock.now();
    const items = await listQueue(deps.db, filter, { asOf, ...(after ? { after } : {}), limit: page.limit });
    const last = items.length === page.limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeQueueCursor({ asOf, rank: last.rank, id: last.id }) : null };
  });
}

function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.asOf.toISOString(), c.rank, c.id])).toString('base64url');
}
function decodeQueueCursor(s: string): QueueCursor {
  try {
    const [at, rank, id] = JSON.parse(Buffer.from(s, 'base64url').toString()) as [string, number, number];
    const asOf = new Date(at);
    if (Number.isNaN(asOf.getTime()) || typeof rank !== 'number' || !Number.isFinite(rank) || !Number.isInteger(id)) throw new Error('bad');
    return { asOf, rank, id };
  } catch {
    throw new AppError('INVALID_INPUT', 'cursor: not a cursor returned by this API');
  }
}
