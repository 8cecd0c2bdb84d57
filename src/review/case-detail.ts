import type { StoredCase } from '../store/review/cases.js';
import { requireAppeal, type Appeal } from './appeals.js';
import { requireCase, type ReviewDeps } from './cases.js';
import { toDecision, type StoredDecision } from './decisions.js';

export interface StoredAction {
  id: number;
  decisionId: number;
  kind: string;
  status: string;
  deadlineHours: number | null;
  deadlineAt: Date | null;
  factCheckUrl: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  issuedAt: Date | null;
  checkedAt: Date | null;
  checkResult: string | null;
  checkSnapshotSha256: string | null;
  noticeText: string | null;
  noticeHtml: string | null;
}

export interface CaseDetail extends Omit<StoredCase, 'findings'> {
  findings: unknown[];
  document: { id: string; text: string; author: string | null; publishedAt: Date | null; version: number; snapshotSha256: string | null } | null;
  decisions: StoredDecision[];
  actions: StoredAction[];
  appeals: Appeal[];
}

/** A case with everything recorded about it. */
export async function caseDetail(deps: ReviewDeps, ref: string): Promise<CaseDetail> {
  const c = await requireCase(deps.db, ref);
  const doc = c.documentId
    ? await deps.db.selectFrom('documents').select(['id', 'text', 'author', 'published_at', 'version', 'snapshot_sha256']).where('id', '=', c.documentId).executeTakeFirst()
    : undefined;
  const decisions = (await deps.db.selectFrom('review_decisions').selectAll().where('case_id', '=', c.id).orderBy('id').execute()).map(toDecision);
  const actions = (await deps.db.selectFrom('review_actions').selectAll().where('case_id', '=', c.id).orderBy('id').execute()).map(
    (a): StoredAction => ({
      id: a.id,
      decisionId: a.decision_id,
      kind: a.kind,
      status: a.status,
      deadlineHours: a.deadline_hours,
      deadlineAt: a.deadline_at,
      factCheckUrl: a.fact_check_url,
      approvedBy: a.approved_by,
      approvedAt: a.approved_at,
      issuedAt: a.issued_at,
      checkedAt: a.checked_at,
      checkResult: a.check_result,
      checkSnapshotSha256: a.check_snapshot_sha256,
      noticeText: a.notice_text,
      noticeHtml: a.notice_html,
    }),
  );
  const appealIds = (await deps.db.selectFrom('review_appeals').select('id').where('case_id', '=', c.id).orderBy('id').execute()).map((a) => a.id);
  const appeals = await Promise.all(appealIds.map((id) => requireAppeal(deps, id)));
  return {
    ...c,
    document: doc ? { id: doc.id, text: doc.text, author: doc.author, publishedAt: doc.published_at, version: doc.version, snapshotSha256: doc.snapshot_sha256 } : null,
    decisions,
    actions,
    appeals,
  };
}

