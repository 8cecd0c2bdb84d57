import { AppError } from '../core/errors.js';
import type { ReviewDeps } from './cases.js';
import { escapeHtml } from './notice.js';
import { ACTION_LABEL_VI, categoryPolicy } from './policy.js';
import type { LegalBasisRef, TransparencyReport } from './types.js';

export type { TransparencyReport } from './types.js';

const inc = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n;
};

/** The median of a list of numbers (null when empty). */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Counts for the period [from, to): decisions, actions, sources, legal bases, appeals and reversals, compliance. */
export async function transparencyReport(
  deps: ReviewDeps,
  from: Date,
  to: Date,
): Promise<TransparencyReport> {
  if (!(from < to)) throw new AppError('INVALID_INPUT', 'from: must be before to');
  const decisions = await deps.db
    .selectFrom('review_decisions as d')
    .innerJoin('review_cases as c', 'c.id', 'd.case_id')
    .select([
      'd.id',
      'd.case_id',
      'd.outcome',
      'd.category',
      'd.action',
      'd.legal_basis',
      'd.decided_at',
      'c.source',
      'c.opened_at',
    ])
    .where('d.kind', '=', 'initial')
    .where('d.decided_at', '>=', from)
    .where('d.decided_at', '<', to)
    .orderBy('d.id')
    .execute();
  const r: TransparencyReport = {
    period: { from: from.toISOString(), to: to.toISOString() },
    generatedAt: deps.clock.now().toISOString(),
    decisions: decisions.length,
    byCategory: {},
    byOutcome: {},
    byAction: {},
    bySource: {},
    byLegalBasis: {},
    automatedDecisions: 0,
    appeals: { filed: 0, decided: 0, upheld: 0, reversed: 0 },
    compliance: {},
    medianHoursToDecision: null,
  };
  const firstPerCase = new Map<number, number>();
  for (const d of decisions) {
    inc(r.byCategory, d.category);
    inc(r.byOutcome, d.outcome);
    inc(r.byAction, d.action);
    inc(r.bySource, d.source);
    for (const b of d.legal_basis as LegalBasisRef[]) inc(r.byLegalBasis, b.provisionId);
    if (!firstPerCase.has(d.case_id))
      firstPerCase.set(d.case_id, (d.decided_at.getTime() - d.opened_at.getTime()) / 3600_000);
  }
  const m = median([...firstPerCase.values()]);
  r.medianHoursToDecision = m === null ? null : Math.round(m * 100) / 100;
  const filed = await deps.db
    .selectFrom('review_appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .executeTakeFirst();
  r.appeals.filed = Number(filed?.n ?? 0);
  const decided = await deps.db
    .selectFrom('review_appeals')
    .select(['status'])
    .where('decided_at', '>=', from)
    .where('decided_at', '<', to)
    .execute();
  r.appeals.decided = decided.length;
  r.appeals.upheld = decided.filter((a) => a.status === 'upheld').length;
  r.appeals.reversed = decided.filter((a) => a.status === 'reversed').length;
  const checks = await deps.db
    .selectFrom('review_actions')
    .select(['check_result'])
    .where('checked_at', '>=', from)
    .where('checked_at', '<', to)
    .execute();
  for (const c of checks) if (c.check_result) inc(r.compliance, c.check_result);
  return r;
}

/** Flat rows "section,key,value" for spreadsheets. */
export function reportCsv(r: TransparencyReport): string {
  const rows: Array<[string, string, string | number]> = [
    ['period', 'from', r.period.from],
    ['period', 'to', r.period.to],
    ['decisions', 'total', r.decisions],
    ['decisions', 'automated', r.automatedDecisions],
    ['time', 'median_hours_to_decision', r.medianHoursToDecision ?? ''],
  ];
  const sections: Array<[string, Record<string, number>]> = [
    ['category', r.byCategory],
    ['outcome', r.byOutcome],
    ['action', r.byAction],
    ['source', r.bySource],
    ['legal_basis', r.byLegalBasis],
    ['appeals', r.appeals],
    ['compliance', r.compliance],
  ];
  for (const [section, m] of sections) for (const [k, v] of Object.entries(m)) rows.push([section, k, v]);
  const cell = (v: string | number) =>
    /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return ['section,key,value', ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}

/** A printable HTML page (Vietnamese headings). */
export function reportHtml(r: TransparencyReport): string {
  const table = (title: string, m: Record<string, number>, label: (k: string) => string = (k) => k) =>
    `<h2>${escapeHtml(title)}</h2>\n<table>${
      Object.entries(m).length
        ? Object.entries(m)
            .map(([k, v]) => `<tr><th>${escapeHtml(label(k))}</th><td>${v}</td></tr>`)
            .join('')
        : '<tr><td>—</td></tr>'
    }</table>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo minh bạch ${escapeHtml(r.period.from.slice(0, 10))} – ${escapeHtml(r.period.to.slice(0, 10))}</title>
<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #999;padding:.2em .6em;text-align:left}td{text-align:right}@media print{body{margin:0}}</style></head>
<body>
<h1>Báo cáo minh bạch</h1>
<p>Kỳ báo cáo: ${escapeHtml(r.period.from)} – ${escapeHtml(r.period.to)}. Lập lúc ${escapeHtml(r.generatedAt)}.</p>
<p>Số quyết định: <strong>${r.decisions}</strong>. Quyết định tự động: ${r.automatedDecisions}. Thời gian trung vị đến khi ra quyết định: ${r.medianHoursToDecision ?? '—'} giờ.</p>
${table('Theo loại vi phạm', r.byCategory, (k) => `${categoryPolicy(k).labelVi} (${k})`)}
${table('Theo kết luận', r.byOutcome, (k) => (k === 'violation' ? 'Có vi phạm' : 'Không vi phạm'))}
${table('Theo biện pháp', r.byAction, (k) => ACTION_LABEL_VI[k as keyof typeof ACTION_LABEL_VI] ?? k)}
${table('Theo nguồn phát hiện', r.bySource, (k) => ({ automated: 'Tự động (bộ phát hiện)', report: 'Phản ánh', 'own-initiative': 'Người xem xét tự phát hiện' })[k] ?? k)}
${table('Theo căn cứ pháp lý', r.byLegalBasis)}
${table('Khiếu nại', r.appeals, (k) => ({ filed: 'Đã nhận', decided: 'Đã giải quyết', upheld: 'Giữ nguyên', reversed: 'Hủy quyết định' })[k] ?? k)}
${table('Kiểm tra tuân thủ', r.compliance, (k) => ({ removed: 'Đã gỡ', 'still-up': 'Vẫn còn', changed: 'Đã thay đổi' })[k] ?? k)}
</body></html>
`;
}
