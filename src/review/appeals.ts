import { AppError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import type { Trx } from '../store/db.js';
import { appendAudit } from '../store/review/audit.js';
import { caseSubject, requireCase, type ReviewDeps } from './cases.js';
import { buildStatement, toDecision, type StoredDecision } from './decisions.js';
import type { AppealOutcome, CaseState } from './types.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { changeCases } from './queue-cache.js';

export interface Appeal {
  id: number;
  caseNumber: string;
  appellant: string;
  reason: string;
  status: 'open' | AppealOutcome;
  openedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionId: number | null;
  messages: Array<{ id: number; direction: 'from-appellant' | 'to-appellant'; author: string; body: string; at: Date }>;
}

const APPEALABLE: readonly string[] = ['actioned', 'escalated', 'closed'];

/** Finds the case a notice's appeal token belongs to; the same answer for a wrong number or token. */
async function caseForToken(trx: Trx, caseNumber: string, token: string) {
  const row = await trx
    .selectFrom('review_actions as a')
    .innerJoin('review_cases as c', 'c.id', 'a.case_id')
    .select(['c.number'])
    .where('c.number', '=', caseNumber)
    .where('a.appeal_token_sha256', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No case with this number and appeal token (both are in the notice)');
  return requireCase(trx, row.number, { forUpdate: true });
}

/**
 * The outlet or author appeals with the case number and the token from the notice. The case moves to
 * "appealed" until a different reviewer decides; the reason is the first message of the dialogue.
 */
export async function fileAppeal(deps: ReviewDeps, input: { caseNumber: string; token: string; appellant: string; reason: string }): Promise<Appeal> {
  const now = deps.clock.now();
  const id = await changeCases(deps, async (trx) => {
    const c = await caseForToken(trx, input.caseNumber, input.token);
    if (!APPEALABLE.includes(c.state)) throw new AppError('CONFLICT', `Case ${c.number} is ${c.state}; it cannot be appealed now`);
    const decision = await trx.selectFrom('review_decisions').select(['id']).where('case_id', '=', c.id).where('status', '=', 'in-force').where('outcome', '=', 'violation').orderBy('id', 'desc').executeTakeFirst();
    if (!decision) throw new AppError('CONFLICT', `Case ${c.number} has no decision in force to appeal`);
    const appeal = await trx
      .insertInto('review_appeals')
      .values({ case_id: c.id, appellant: input.appellant, reason: input.reason, status: 'open', opened_at: now, decided_by: null, decided_at: null, decision_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('review_messages').values({ appeal_id: appeal.id, direction: 'from-appellant', author: input.appellant, body: input.reason, at: now }).execute();
    await trx.updateTable('review_cases').set({ state: 'appealed' }).where('id', '=', c.id).execute();
    await appendAudit(trx, { actor: `appellant:${input.appellant}`, action: 'appeal.opened', subject: caseSubject(c), payload: { appeal: appeal.id, against: decision.id, reason: input.reason } }, now);
    return appeal.id;
  });
  return requireAppeal(deps, id);
}

/** A message from the appellant (with the notice's token) on the case's latest appeal. */
export async function appellantMessage(deps: ReviewDeps, input: { caseNumber: string; token: string; body: string }): Promise<Appeal> {
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const c = await caseForToken(trx, input.caseNumber, input.token);
    const appeal = await trx.selectFrom('review_appeals').select(['id', 'appellant']).where('case_id', '=', c.id).orderBy('id', 'desc').executeTakeFirst();
    if (!appeal) throw new AppError('CONFLICT', `Case ${c.number} has no appeal; file one first`);
    await trx.insertInto('review_messages').values({ appeal_id: appeal.id, direction: 'from-appellant', author: appeal.appellant, body: input.body, at: now }).execute();
    await appendAudit(trx, { actor: `appellant:${appeal.appellant}`, action: 'appeal.message', subject: caseSubject(c), payload: { appeal: appeal.id, direction: 'from-appellant', bodySha256: sha256Hex(input.body) } }, now);
    return appeal.id;
  });
  return requireAppeal(deps, id);
}

/** A message from a reviewer to the appellant. */
export async function reviewerMessage(deps: ReviewDeps, appealId: number, body: string, actor: string): Promise<Appeal> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('review_appeals').select(['id', 'case_id']).where('id', '=', appealId).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', `No appeal ${appealId}`);
    const c = await requireCase(trx, String(a.case_id));
    await trx.insertInto('review_messages').values({ appeal_id: a.id, direction: 'to-appellant', author: actor, body, at: now }).execute();
    await appendAudit(trx, { actor, action: 'appeal.message', subject: caseSubject(c), payload: { appeal: a.id, direction: 'to-appellant', bodySha256: sha256Hex(body) } }, now);
  });
  return requireAppeal(deps, appealId);
}

/**
 * Decides an appeal. The reviewer must be someone who neither decided the case nor approved its
 * takedown request. A reversal withdraws the actions and marks the decision reversed (and is counted
 * in the transparency report); upholding keeps them. The reasons go to the appellant as a message.
 */
export async function decideAppeal(
  deps: ReviewDeps,
  appealId: number,
  input: { outcome: AppealOutcome; explanation: string },
  actor: string,
): Promise<{ appeal: Appeal; decision: StoredDecision; state: CaseState }> {
  if (!input.explanation.trim()) throw new AppError('INVALID_INPUT', 'explanation: state the reasons');
  const now = deps.clock.now();
  const result = await changeCases(deps, async (trx) => {
    const a = await trx.selectFrom('review_appeals').selectAll().where('id', '=', appealId).forUpdate().executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', `No appeal ${appealId}`);
    if (a.status !== 'open') throw new AppError('CONFLICT', `Appeal ${appealId} was already decided (${a.status})`);
    const c = await requireCase(trx, String(a.case_id), { forUpdate: true });
    const original = toDecision(
      await trx.selectFrom('review_decisions').selectAll().where('case_id', '=', c.id).where('kind', '=', 'initial').where('status', '=', 'in-force').orderBy('id', 'desc').executeTakeFirstOrThrow(),
    );
    const approvers = await trx.selectFrom('review_actions').select('approved_by').where('decision_id', '=', original.id).execute();
    if (original.reviewer === actor || approvers.some((r) => r.approved_by === actor)) {
      throw new AppError('FORBIDDEN', 'An appeal is decided by a reviewer other than the one who decided or approved the case');
    }
    const reversed = input.outcome === 'reversed';
    const d = {
      outcome: reversed ? ('no-violation' as const) : ('violation' as const),
      category: original.category,
      action: reversed ? ('none' as const) : original.action,
      legalBasis: original.legalBasis.map((r) => r.provisionId),
      facts: original.facts,
      explanation: input.explanation,
    };
    const statement = buildStatement(c, d, reversed ? [] : original.legalBasis, null);
    const row = await trx
      .insertInto('review_decisions')
      .values({
        case_id: c.id,
        kind: 'appeal',
        outcome: d.outcome,
        category: d.category,
        action: d.action,
        legal_basis: JSON.stringify(reversed ? [] : original.legalBasis),
        facts: d.facts,
        statement: JSON.stringify(statement),
        reviewer: actor,
        decided_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    let state: CaseState = 'closed';
    if (reversed) {
      await trx.updateTable('review_decisions').set({ status: 'reversed' }).where('id', '=', original.id).execute();
      await trx.updateTable('review_actions').set({ status: 'withdrawn' }).where('case_id', '=', c.id).where('status', 'in', ['issued', 'awaiting-approval']).execute();
    } else {
      const pending = await trx.selectFrom('review_actions').select('id').where('case_id', '=', c.id).where('status', '=', 'issued').where('kind', '=', 'takedown-request').executeTakeFirst();
      if (pending) state = 'actioned';
    }
    await trx.updateTable('review_cases').set({ state, ...(state === 'closed' ? { closed_at: now } : {}) }).where('id', '=', c.id).execute();
    await trx.updateTable('review_appeals').set({ status: input.outcome, decided_by: actor, decided_at: now, decision_id: row.id }).where('id', '=', a.id).execute();
    await trx.insertInto('review_messages').values({ appeal_id: a.id, direction: 'to-appellant', author: actor, body: input.explanation, at: now }).execute();
    await appendAudit(trx, { actor, action: 'appeal.decided', subject: caseSubject(c), payload: { appeal: a.id, outcome: input.outcome, decision: row.id, against: original.id, statement } }, now);
    await enqueueWebhookEvent(trx, 'decision.made', { case: c.number, decision: row.id, appeal: a.id, outcome: input.outcome, state }, now);
    return { decision: toDecision(row), state };
  });
  return { appeal: await requireAppeal(deps, appealId), ...result };
}

/** An appeal with its messages, or NOT_FOUND. */
export async function requireAppeal(deps: ReviewDeps, id: number): Promise<Appeal> {
  const a = await deps.db
    .selectFrom('review_appeals as a')
    .innerJoin('review_cases as c', 'c.id', 'a.case_id')
    .selectAll('a')
    .select('c.number')
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND', `No appeal ${id}`);
  const messages = await deps.db.selectFrom('review_messages').selectAll().where('appeal_id', '=', id).orderBy('id').execute();
  return {
    id: a.id,
    caseNumber: a.number,
    appellant: a.appellant,
    reason: a.reason,
    status: a.status as Appeal['status'],
    openedAt: a.opened_at,
    decidedBy: a.decided_by,
    decidedAt: a.decided_at,
    decisionId: a.decision_id,
    messages: messages.map((m) => ({ id: m.id, direction: m.direction as 'from-appellant' | 'to-appellant', author: m.author, body: m.body, at: m.at })),
  };
}

/** Appeals, open ones first by default. */
export async function listAppeals(deps: ReviewDeps, f: { status?: string; limit: number }): Promise<Array<Omit<Appeal, 'messages'>>> {
  let q = deps.db.selectFrom('review_appeals as a').innerJoin('review_cases as c', 'c.id', 'a.case_id').selectAll('a').select('c.number');
  if (f.status) q = q.where('a.status', '=', f.status);
  const rows = await q.orderBy('a.id').limit(f.limit).execute();
  return rows.map((a) => ({
    id: a.id,
    caseNumber: a.number,
    appellant: a.appellant,
    reason: a.reason,
    status: a.status as Appeal['status'],
    openedAt: a.opened_at,
    decidedBy: a.decided_by,
    decidedAt: a.decided_at,
    decisionId: a.decision_id,
  }));
}
