import { isAppError } from '../core/errors.js';
import { HARM_CATEGORIES } from '../core/types.js';
import { fileAppeal, appellantMessage, decideAppeal, reviewerMessage } from './appeals.js';
import { claimCase, openCase, queuePage, triageFindings, type ReviewDeps } from './cases.js';
import { decideCase, reviewTakedown, type DecisionInput } from './decisions.js';
import { provisionsInForce } from './legal-registry.js';

/** Demo people (audit actors); no accounts are created, so nobody can sign in as them. */
export const DEMO_ACTORS = { reviewer: 'user:demo-an', reviewer2: 'user:demo-binh', supervisor: 'user:demo-chi' } as const;

export interface ReviewDemoReport {
  cases: number;
  decisions: number;
  appeals: number;
}

/**
 * Puts the demo's findings through the workflow so it can be seen at once: cases in the queue, one
 * case closed with no violation, one labelled with a correction, one takedown request approved by a
 * supervisor, appealed by the outlet with a dialogue and upheld by a second reviewer, and one case
 * reported by a reader. Does nothing when decisions exist already.
 */
export async function loadReviewDemo(deps: ReviewDeps): Promise<ReviewDemoReport> {
  const existing = await deps.db.selectFrom('review_decisions').select('id').limit(1).executeTakeFirst();
  if (existing) return { cases: 0, decisions: 0, appeals: 0 };
  const triage = await triageFindings(deps, { minScore: 0.5, actor: 'system:triage' });
  const queue = await queuePage(deps, {}, { actor: DEMO_ACTORS.reviewer, limit: 50 });
  const report: ReviewDemoReport = { cases: triage.opened, decisions: 0, appeals: 0 };
  const candidates = queue.items.filter((c) => (HARM_CATEGORIES as readonly string[]).includes(c.category));
  const basisFor = (c: (typeof candidates)[number]) => provisionsInForce(c.actDate, c.category).map((p) => p.id);

  const [first, second, third] = candidates;
  if (first) {
    await claimCase(deps, first.number, DEMO_ACTORS.reviewer);
    await decideCase(
      deps,
      first.number,
      { outcome: 'no-violation', category: first.category, action: 'none', legalBasis: [], facts: 'Nội dung là ý kiến cá nhân, không chứa thông tin sai sự thật hay hành vi vi phạm.', explanation: 'Bộ phát hiện báo nhầm; không có căn cứ để áp dụng biện pháp.' },
      DEMO_ACTORS.reviewer,
    );
    report.decisions++;
  }
  const violation = (c: (typeof candidates)[number], action: DecisionInput['action']): DecisionInput | null => {
    const basis = basisFor(c);
    if (basis.length === 0) return null;
    return {
      outcome: 'violation',
      category: c.category,
      action,
      legalBasis: basis.slice(0, 1),
      facts: `Nội dung tại ${c.url ?? c.subjectRef} được bộ phát hiện đánh dấu (${c.category}); người xem xét đã đối chiếu với nguồn chính thức.`,
      explanation: action === 'label' ? 'Gắn nhãn kèm đính chính là đủ: nội dung ít lan truyền.' : 'Nội dung lan truyền rộng; gắn nhãn không đủ để ngăn tác hại.',
      ...(action === 'label' ? { factCheckUrl: 'https://kiemtin.example/kiem-chung/demo' } : {}),
    };
  };
  if (second) {
    const d = violation(second, 'label');
    if (d) {
      await claimCase(deps, second.number, DEMO_ACTORS.reviewer);
      await decideCase(deps, second.number, d, DEMO_ACTORS.reviewer);
      report.decisions++;
    }
  }
  if (third) {
    const d = violation(third, 'takedown-request');
    if (d) {
      await claimCase(deps, third.number, DEMO_ACTORS.reviewer);
      await decideCase(deps, third.number, d, DEMO_ACTORS.reviewer);
      const approved = await reviewTakedown(deps, third.number, { approve: true, note: 'Đồng ý: căn cứ và thời hạn phù hợp.' }, DEMO_ACTORS.supervisor);
      report.decisions++;
      if (approved.notice) {
        const token = approved.notice.appealToken;
        const appeal = await fileAppeal(deps, { caseNumber: third.number, token, appellant: 'Ban biên tập (demo)', reason: 'Chúng tôi đã dẫn nguồn đầy đủ; đề nghị xem xét lại yêu cầu gỡ bỏ.' });
        await reviewerMessage(deps, appeal.id, 'Đề nghị gửi văn bản nguồn mà quý cơ quan đã dẫn.', DEMO_ACTORS.reviewer2);
        await appellantMessage(deps, { caseNumber: third.number, token, body: 'Nguồn là một bài đăng mạng xã hội, chúng tôi chưa liên hệ được tác giả.' });
        await decideAppeal(deps, appeal.id, { outcome: 'upheld', explanation: 'Nguồn dẫn không kiểm chứng được; giữ nguyên yêu cầu gỡ bỏ.' }, DEMO_ACTORS.reviewer2);
        report.appeals++;
      }
    }
  }
  const doc = candidates[3];
  if (doc?.documentId) {
    await triageReported(deps, doc.documentId);
  }
  return report;
}

/** A reader's report on an outlet, kept open in the queue. */
async function triageReported(deps: ReviewDeps, documentId: string): Promise<void> {
  const d = await deps.db.selectFrom('documents').select(['outlet_id']).where('id', '=', documentId).executeTakeFirst();
  if (!d?.outlet_id) return;
  await openCase(
    deps,
    { subjectKind: 'outlet', subjectRef: d.outlet_id, category: 'spam', source: 'report', note: 'Phản ánh của bạn đọc qua đường dây nóng (demo): trang đăng lại nhiều bài quảng cáo trá hình.' },
    DEMO_ACTORS.reviewer,
  ).catch((err: unknown) => {
    // The outlet may already have an open case from an earlier load.
    if (!isAppError(err, 'CONFLICT')) throw err;
  });
}
