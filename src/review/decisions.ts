import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import type { Trx } from '../store/db.js';
import { appendAudits, type AuditInput } from '../store/review/audit.js';
import type { StoredCase } from '../store/review/cases.js';
import { caseSubject, requireCase, type ReviewDeps } from './cases.js';
import { resolveLegalBasis, takedownHoursFor } from './legal-registry.js';
import { registryViewFor } from './legal-registry-store.js';
import { renderNoticeHtml, renderNoticeText } from './notice.js';
import { ACTION_LABEL_VI, DEFAULT_TAKEDOWN_HOURS } from './policy.js';
import type { ActionKind, CaseState, DetectionSource, LegalBasisRef, Outcome, StatementOfReasons } from './types.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { changeCases } from './queue-cache.js';

export interface DecisionInput {
  outcome: Outcome;
  category: string;
  action: ActionKind;
  /** Provision ids from the legal registry; at least one for a violation. */
  legalBasis: string[];
  /** The facts relied on. */
  facts: string;
  /** Why these facts, under this basis, call for this action (and why a lighter one would not do). */
  explanation: string;
  /** For a label: the fact-check or correction to link. */
  factCheckUrl?: string | undefined;
  /** For a takedown request: hours to comply; default from the legal basis, else 24. */
  deadlineHours?: number | undefined;
}

export interface StoredDecision {
  id: number;
  caseId: number;
  kind: 'initial' | 'appeal';
  outcome: Outcome;
  category: string;
  action: ActionKind;
  legalBasis: LegalBasisRef[];
  facts: string;
  statement: StatementOfReasons;
  reviewer: string;
  decidedAt: Date;
  status: string;
}

/** The state a case moves to after an initial decision with this action. */
function stateAfter(outcome: Outcome, action: ActionKind): CaseState {
  if (outcome === 'no-violation' || action === 'none') return 'closed';
  if (action === 'takedown-request') return 'awaiting-approval';
  if (action === 'escalation') return 'escalated';
  return 'actioned';
}

const REDRESS = [
  'Khiếu nại tới kiemtin bằng số hồ sơ và mã khiếu nại trong thông báo; một người xem xét khác giải quyết.',
  'Khiếu nại, khởi kiện theo Luật Khiếu nại 2011 và Luật Tố tụng hành chính 2015 đối với quyết định của cơ quan nhà nước.',
];

/** The DSA Art. 17 statement of reasons for a decision on a case. */
export function buildStatement(c: StoredCase, d: DecisionInput, refs: readonly LegalBasisRef[], deadlineAt: Date | null): StatementOfReasons {
  return {
    contentType: c.subjectKind,
    contentDate: c.actDate.toISOString(),
    url: c.url,
    restriction: { action: d.action, description: ACTION_LABEL_VI[d.action], deadline: deadlineAt?.toISOString() ?? null },
    ground: { kind: d.outcome === 'no-violation' ? 'none' : 'illegal-content', legalBasis: refs.map((r) => r.citation), explanation: d.explanation },
    category: d.category,
    facts: d.facts,
    detectionSource: c.source as DetectionSource,
    automatedDetection: c.source === 'automated',
    // kiemtin never decides automatically: a person records every decision.
    automatedDecision: false,
    redress: d.outcome === 'violation' && d.action !== 'none' ? REDRESS : [],
  };
}

function validate(d: DecisionInput): void {
  if (d.outcome === 'no-violation' && d.action !== 'none') throw new AppError('INVALID_INPUT', 'action: must be "none" when the outcome is "no-violation"');
  if (d.outcome === 'violation' && d.legalBasis.length === 0) throw new AppError('INVALID_INPUT', 'legalBasis: a violation needs at least one provision from the legal registry');
  if (!d.facts.trim()) throw new AppError('INVALID_INPUT', 'facts: state the facts relied on');
  if (!d.explanation.trim()) throw new AppError('INVALID_INPUT', 'explanation: state the reasons');
  if (d.action === 'label' && !/^https?:\/\//.test(d.factCheckUrl ?? '')) throw new AppError('INVALID_INPUT', 'factCheckUrl: a label needs the http(s) address of the fact-check or correction');
  if (d.deadlineHours !== undefined && d.action !== 'takedown-request') throw new AppError('INVALID_INPUT', 'deadlineHours: only a takedown request has a deadline');
}

/**
 * Records a reviewer's decision on a case they hold a claim on. The legal basis must have been in force
 * on the date of the act. A takedown request waits for a supervisor's approval; the other actions are
 * issued at once with their notice. Decision, action, case state, audit entry and webhook events are
 * one transaction.
 */
export async function decideCase(deps: ReviewDeps, ref: string, d: DecisionInput, actor: string): Promise<{ decision: StoredDecision; state: CaseState; notice: IssuedNotice | null }> {
  validate(d);
  const now = deps.clock.now();
  return changeCases(deps, async (trx) => {
    const c = await requireCase(trx, ref, { forUpdate: true });
    if (c.state !== 'open') throw new AppError('CONFLICT', `Case ${c.number} is ${c.state}, not waiting for a decision`);
    if (c.claimedBy !== actor || !c.claimExpiresAt || c.claimExpiresAt < now) {
      throw new AppError('CONFLICT', `Claim case ${c.number} before deciding it${c.claimedBy && c.claimedBy !== actor && c.claimExpiresAt && c.claimExpiresAt >= now ? ` (claimed by ${c.claimedBy})` : ''}`);
    }
    // The registry as it stands in this transaction: the current revision of each cited provision is the one recorded.
    const registry = d.outcome === 'violation' ? await registryViewFor(deps, trx) : null;
    const refs = registry ? resolveLegalBasis(d.legalBasis, c.actDate, d.category, registry) : [];
    if (d.action === 'takedown-request' && !c.url) throw new AppError('INVALID_INPUT', 'action: a takedown request needs a subject with a URL');
    const deadlineHours = d.action === 'takedown-request' ? (d.deadlineHours ?? (registry ? takedownHoursFor(refs, DEFAULT_TAKEDOWN_HOURS, registry) : DEFAULT_TAKEDOWN_HOURS)) : null;
    const statement = buildStatement(c, d, refs, null);
    const row = await trx
      .insertInto('review_decisions')
      .values({
        case_id: c.id,
        kind: 'initial',
        outcome: d.outcome,
        category: d.category,
        action: d.action,
        legal_basis: JSON.stringify(refs),
        facts: d.facts,
        statement: JSON.stringify(statement),
        reviewer: actor,
        decided_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const state = stateAfter(d.outcome, d.action);
    await trx
      .updateTable('review_cases')
      .set({ state, category: d.category, claimed_by: null, claim_expires_at: null, decided_at: c.decidedAt ?? now, ...(state === 'closed' ? { closed_at: now } : {}) })
      .where('id', '=', c.id)
      .execute();
    const decision = toDecision(row);
    // Appended last, so the audit head (one lock for all writers) is held only until the commit.
    const audits: AuditInput[] = [
      { actor, action: 'decision.made', subject: caseSubject(c), payload: { decision: decision.id, outcome: d.outcome, category: d.category, action: d.action, legalBasis: refs.map((r) => r.provisionId), legalBasisRevisions: refs.map((r) => `${r.provisionId}#${r.revision}`), registryVersion: refs[0]?.registryVersion ?? null, statement } },
    ];
    let notice: IssuedNotice | null = null;
    if (d.action !== 'none') {
      const action = await trx
        .insertInto('review_actions')
        .values({
          case_id: c.id,
          decision_id: decision.id,
          kind: d.action,
          status: d.action === 'takedown-request' ? 'awaiting-approval' : 'issued',
          deadline_hours: deadlineHours,
          deadline_at: null,
          fact_check_url: d.factCheckUrl ?? null,
          approved_by: null,
          approved_at: null,
          notice_text: null,
          notice_html: null,
          appeal_token_sha256: null,
          issued_at: null,
          checked_at: null,
          check_result: null,
          check_snapshot_sha256: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (d.action !== 'takedown-request') notice = await issueNotice(trx, c, decision, action.id, actor, now, audits);
    }
    await enqueueWebhookEvent(trx, 'decision.made', { case: c.number, decision: decision.id, outcome: d.outcome, category: d.category, action: d.action, state }, now);
    await appendAudits(trx, audits, now);
    return { decision, state, notice };
  });
}

export interface IssuedNotice {
  actionId: number;
  text: string;
  html: string;
  /** Shown once here and in the notice; only its hash is kept for looking it up. */
  appealToken: string;
  deadlineAt: Date | null;
}

/** Renders and records the notice of an action, with a fresh appeal token; its audit entry goes to `audits`. */
async function issueNotice(trx: Trx, c: StoredCase, decision: StoredDecision, actionId: number, actor: string, now: Date, audits: AuditInput[]): Promise<IssuedNotice> {
  const action = await trx.selectFrom('review_actions').selectAll().where('id', '=', actionId).executeTakeFirstOrThrow();
  const deadlineAt = action.deadline_hours !== null ? new Date(now.getTime() + action.deadline_hours * 3600_000) : null;
  const outlet = c.outletId ? await trx.selectFrom('outlets').select(['name', 'responsible_person', 'notice_contact']).where('id', '=', c.outletId).executeTakeFirst() : undefined;
  const appealToken = 'ktap_' + randomBytes(18).toString('base64url');
  const input = {
    caseNumber: c.number,
    action: decision.action,
    issuedAt: now,
    outlet: outlet ? { name: outlet.name, responsiblePerson: outlet.responsible_person, noticeContact: outlet.notice_contact } : null,
    content: { url: c.url, title: c.title, date: c.actDate },
    category: decision.category,
    legalBasis: decision.legalBasis,
    facts: decision.facts,
    explanation: decision.statement.ground.explanation,
    factCheckUrl: action.fact_check_url,
    deadlineAt,
    deadlineHours: action.deadline_hours,
    appealToken,
    appealPath: 'POST /api/v1/appeals',
  };
  const text = renderNoticeText(input);
  const html = renderNoticeHtml(input);
  await trx
    .updateTable('review_actions')
    .set({ status: 'issued', issued_at: now, deadline_at: deadlineAt, notice_text: text, notice_html: html, appeal_token_sha256: sha256Hex(appealToken) })
    .where('id', '=', actionId)
    .execute();
  audits.push({ actor, action: 'notice.issued', subject: caseSubject(c), payload: { action: actionId, kind: decision.action, deadlineAt, noticeSha256: sha256Hex(text) } });
  return { actionId, text, html, appealToken, deadlineAt };
}

/**
 * The second pair of eyes on a takedown request: a supervisor other than the deciding reviewer approves
 * (the notice goes out and the deadline starts) or rejects it (the case returns to the queue).
 */
export async function reviewTakedown(
  deps: ReviewDeps,
  ref: string,
  input: { approve: boolean; note?: string | undefined },
  actor: string,
): Promise<{ state: CaseState; notice: IssuedNotice | null }> {
  const now = deps.clock.now();
  return changeCases(deps, async (trx) => {
    const c = await requireCase(trx, ref, { forUpdate: true });
    if (c.state !== 'awaiting-approval') throw new AppError('CONFLICT', `Case ${c.number} is ${c.state}; nothing awaits approval`);
    const action = await trx.selectFrom('review_actions').selectAll().where('case_id', '=', c.id).where('status', '=', 'awaiting-approval').forUpdate().executeTakeFirst();
    if (!action) throw new AppError('CONFLICT', `Case ${c.number} has no takedown request awaiting approval`);
    const decision = toDecision(await trx.selectFrom('review_decisions').selectAll().where('id', '=', action.decision_id).executeTakeFirstOrThrow());
    if (decision.reviewer === actor) throw new AppError('FORBIDDEN', 'Four eyes: the reviewer who decided may not approve their own takedown request');
    if (!input.approve) {
      if (!input.note?.trim()) throw new AppError('INVALID_INPUT', 'note: say why the request is rejected');
      await trx.updateTable('review_actions').set({ status: 'rejected', approved_by: actor, approved_at: now }).where('id', '=', action.id).execute();
      await trx.updateTable('review_decisions').set({ status: 'rejected' }).where('id', '=', decision.id).execute();
      await trx.updateTable('review_cases').set({ state: 'open' }).where('id', '=', c.id).execute();
      await appendAudits(trx, [{ actor, action: 'takedown.rejected', subject: caseSubject(c), payload: { action: action.id, decision: decision.id, note: input.note } }], now);
      return { state: 'open' as const, notice: null };
    }
    await trx.updateTable('review_actions').set({ approved_by: actor, approved_at: now }).where('id', '=', action.id).execute();
    const audits: AuditInput[] = [{ actor, action: 'takedown.approved', subject: caseSubject(c), payload: { action: action.id, decision: decision.id, note: input.note ?? null } }];
    const notice = await issueNotice(trx, c, decision, action.id, actor, now, audits);
    await trx.updateTable('review_cases').set({ state: 'actioned' }).where('id', '=', c.id).execute();
    await appendAudits(trx, audits, now);
    return { state: 'actioned' as const, notice };
  });
}

/** A stored legal basis; references recorded before the registry had revisions cited revision 1 (the seed they were resolved from). */
function legalBasisRefs(stored: unknown): LegalBasisRef[] {
  return (stored as Array<Omit<LegalBasisRef, 'revision'> & { revision?: number }>).map((r) => ({ ...r, revision: r.revision ?? 1 }));
}

/** Maps a decision row. */
export function toDecision(r: {
  id: number;
  case_id: number;
  kind: string;
  outcome: string;
  category: string;
  action: string;
  legal_basis: unknown;
  facts: string;
  statement: unknown;
  reviewer: string;
  decided_at: Date;
  status: string;
}): StoredDecision {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as StoredDecision['kind'],
    outcome: r.outcome as Outcome,
    category: r.category,
    action: r.action as ActionKind,
    legalBasis: legalBasisRefs(r.legal_basis),
    facts: r.facts,
    statement: r.statement as StatementOfReasons,
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    status: r.status,
  };
}
