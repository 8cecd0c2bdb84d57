import { vietnamDay } from './legal-registry.js';
import { ACTION_LABEL_VI, categoryPolicy } from './policy.js';
import type { ActionKind, LegalBasisRef } from './types.js';

/** Everything a notice says; rendered as plain text and as HTML from the same template. */
export interface NoticeInput {
  caseNumber: string;
  action: ActionKind;
  issuedAt: Date;
  outlet: { name: string; responsiblePerson: string | null; noticeContact: string | null } | null;
  content: { url: string | null; title: string | null; date: Date | null };
  category: string;
  legalBasis: readonly LegalBasisRef[];
  facts: string;
  explanation: string;
  factCheckUrl: string | null;
  deadlineAt: Date | null;
  deadlineHours: number | null;
  /** The secret the addressee quotes to appeal; shown once, in the notice. */
  appealToken: string;
  appealPath: string;
}

/** How an appeal token looks wherever a notice is stored or shown (`ktap_` + 24 base64url characters). */
const APPEAL_TOKEN = /ktap_[A-Za-z0-9_-]+/g;

/**
 * A stored notice as shown to someone who does not send notices: the appeal token is masked, so a staff
 * member who may only read cases cannot appeal or write in an appeal as the outlet. Reviewers and above,
 * who issue the notice to its addressee, see it whole.
 */
export function maskAppealToken(notice: string): string {
  return notice.replace(APPEAL_TOKEN, 'ktap_••••••');
}

const TITLES: Record<ActionKind, string> = {
  none: 'THÔNG BÁO KẾT QUẢ XEM XÉT',
  label: 'THÔNG BÁO GẮN NHÃN VÀ ĐÍNH CHÍNH THÔNG TIN',
  notice: 'THÔNG BÁO VI PHẠM',
  'takedown-request': 'YÊU CẦU GỠ BỎ THÔNG TIN VI PHẠM',
  escalation: 'THÔNG BÁO CHUYỂN CƠ QUAN CÓ THẨM QUYỀN',
};

/** "14:05 ngày 29/11/2026 (giờ Việt Nam)". */
export function formatVietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const [y, m, d] = vietnamDay(at).split('-');
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} ngày ${d}/${m}/${y} (giờ Việt Nam)`;
}

interface Block {
  heading?: string;
  lines: string[];
}

function blocks(n: NoticeInput): { title: string; blocks: Block[] } {
  const out: Block[] = [];
  const to = n.outlet ? `${n.outlet.name}${n.outlet.responsiblePerson ? ` (người chịu trách nhiệm: ${n.outlet.responsiblePerson})` : ''}` : 'Chủ sở hữu nội dung';
  out.push({ lines: [`Số hồ sơ: ${n.caseNumber}`, `Kính gửi: ${to}`, `Thời điểm: ${formatVietnamTime(n.issuedAt)}`] });
  out.push({
    heading: 'Nội dung được xem xét',
    lines: [
      `Địa chỉ: ${n.content.url ?? '(không có)'}`,
      ...(n.content.title ? [`Tiêu đề: ${n.content.title}`] : []),
      ...(n.content.date ? [`Ngày đăng: ${formatVietnamTime(n.content.date)}`] : []),
      `Loại vi phạm: ${categoryPolicy(n.category).labelVi}`,
    ],
  });
  out.push({
    heading: 'Căn cứ pháp lý',
    lines: n.legalBasis.length
      ? [
          ...n.legalBasis.map((b) => `${b.citation}${b.unverified ? ' (nội dung điều khoản chưa được xác minh đầy đủ)' : ''}`),
          // Which text was cited: the registry version lets anyone find the exact wording (docs/legal-registry.md).
          `(Theo sổ căn cứ pháp lý phiên bản ${[...new Set(n.legalBasis.map((b) => b.registryVersion))].join(', ')})`,
        ]
      : ['(không có)'],
  });
  out.push({ heading: 'Sự việc', lines: [n.facts] });
  out.push({ heading: 'Lý do', lines: [n.explanation] });
  const measure = [`Biện pháp: ${ACTION_LABEL_VI[n.action]}.`];
  if (n.action === 'label' && n.factCheckUrl) measure.push(`Thông tin đính chính: ${n.factCheckUrl}`);
  if (n.action === 'takedown-request' && n.deadlineAt) {
    measure.push(`Đề nghị gỡ bỏ nội dung trên chậm nhất ${n.deadlineHours ?? ''} giờ kể từ khi nhận thông báo, tức trước ${formatVietnamTime(n.deadlineAt)}.`);
    measure.push('Sau thời hạn này, địa chỉ trên sẽ được kiểm tra lại và kết quả được ghi vào hồ sơ.');
  }
  out.push({ heading: 'Biện pháp', lines: measure });
  out.push({
    heading: 'Quyền khiếu nại',
    lines: [
      'Cơ quan, tổ chức, cá nhân liên quan có quyền khiếu nại quyết định này. Khiếu nại được một người xem xét khác với người đã ra quyết định giải quyết.',
      `Gửi khiếu nại tới ${n.appealPath} kèm số hồ sơ ${n.caseNumber} và mã khiếu nại: ${n.appealToken}`,
    ],
  });
  return { title: TITLES[n.action], blocks: out };
}

/** The notice as plain text (e-mail body, print). */
export function renderNoticeText(n: NoticeInput): string {
  const { title, blocks: bs } = blocks(n);
  const parts = [title, ''];
  for (const b of bs) {
    if (b.heading) parts.push(`${b.heading}:`);
    parts.push(...b.lines.map((l) => (b.heading ? `  ${l}` : l)), '');
  }
  return parts.join('\n').trimEnd() + '\n';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The notice as a standalone HTML page; every value is escaped (content comes from crawled pages). */
export function renderNoticeHtml(n: NoticeInput): string {
  const { title, blocks: bs } = blocks(n);
  const body = bs
    .map((b) => `${b.heading ? `<h2>${escapeHtml(b.heading)}</h2>\n` : ''}${b.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(title)} — ${escapeHtml(n.caseNumber)}</title>
<style>body{font-family:serif;max-width:42em;margin:2em auto;line-height:1.5}h1{font-size:1.3em;text-align:center}h2{font-size:1.05em;margin-bottom:.2em}p{margin:.2em 0}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
