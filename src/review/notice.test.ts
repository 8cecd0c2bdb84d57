import { describe, expect, it } from 'vitest';
import { resolveLegalBasis } from './legal-registry.js';
import { formatVietnamTime, renderNoticeHtml, renderNoticeText, type NoticeInput } from './notice.js';

const input: NoticeInput = {
  caseNumber: 'KT-2026-000042',
  action: 'takedown-request',
  issuedAt: new Date('2026-11-28T02:00:00Z'),
  outlet: { name: 'Trang <Tin> & Bàn luận', responsiblePerson: 'Lê Văn C', noticeContact: 'toasoan@example.vn' },
  content: { url: 'https://tin.example/a?x=1&y=2', title: '<script>alert(1)</script>', date: new Date('2026-11-20T03:00:00Z') },
  category: 'false-information',
  legalBasis: resolveLegalBasis(['decree-147-2024-art23'], new Date('2026-11-20T03:00:00Z'), 'false-information'),
  facts: 'Bài viết nói sai về nước máy.',
  explanation: 'Gây hoang mang.',
  factCheckUrl: null,
  deadlineAt: new Date('2026-11-29T02:00:00Z'),
  deadlineHours: 24,
  appealToken: 'ktap_secret',
  appealPath: 'POST /api/v1/appeals',
};

describe('notices', () => {
  it('says in Vietnamese what, why, under which provision, by when, and how to appeal', () => {
    const text = renderNoticeText(input);
    expect(text.split('\n')[0]).toBe('YÊU CẦU GỠ BỎ THÔNG TIN VI PHẠM');
    expect(text).toContain('Số hồ sơ: KT-2026-000042');
    expect(text).toContain('Kính gửi: Trang <Tin> & Bàn luận (người chịu trách nhiệm: Lê Văn C)');
    expect(text).toContain('Điều 23, Nghị định 147/2024/NĐ-CP');
    expect(text).toContain('(Theo sổ căn cứ pháp lý phiên bản vn-2026-11-28.1)');
    expect(renderNoticeText({ ...input, legalBasis: [] })).not.toContain('sổ căn cứ pháp lý');
    expect(text).toContain('chậm nhất 24 giờ');
    expect(text).toContain('trước 09:00 ngày 29/11/2026 (giờ Việt Nam)');
    expect(text).toContain('mã khiếu nại: ktap_secret');
    expect(text).toContain('Loại vi phạm: Thông tin sai sự thật');
  });

  it('escapes every value in the HTML version', () => {
    const html = renderNoticeHtml(input);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Trang &lt;Tin&gt; &amp; Bàn luận');
    expect(html).toContain('https://tin.example/a?x=1&amp;y=2');
    expect(html).toContain('<html lang="vi">');
  });

  it('a label names the correction and has no deadline', () => {
    const text = renderNoticeText({ ...input, action: 'label', factCheckUrl: 'https://kiemchung.example/fc/1', deadlineAt: null, deadlineHours: null });
    expect(text).toContain('THÔNG BÁO GẮN NHÃN VÀ ĐÍNH CHÍNH THÔNG TIN');
    expect(text).toContain('Thông tin đính chính: https://kiemchung.example/fc/1');
    expect(text).not.toContain('chậm nhất');
  });

  it('formats times in Vietnam time', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30 ngày 01/01/2027 (giờ Việt Nam)');
  });
});
