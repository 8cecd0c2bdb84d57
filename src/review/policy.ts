import type { ActionKind } from './types.js';

/**
 * Per-category review policy: severity weight (0..1) for the queue priority and the SLA in hours until a
 * first decision is due. Categories outside the default pack get the fallback.
 */
export const CATEGORY_POLICY: Readonly<Record<string, { severity: number; slaHours: number; labelVi: string }>> = {
  'hate-speech': { severity: 0.8, slaHours: 24, labelVi: 'Kích động thù ghét' },
  harassment: { severity: 0.6, slaHours: 48, labelVi: 'Quấy rối, xúc phạm' },
  'scam-fraud': { severity: 0.9, slaHours: 12, labelVi: 'Lừa đảo' },
  'illegal-gambling': { severity: 0.7, slaHours: 48, labelVi: 'Cờ bạc trái phép' },
  'illegal-lending': { severity: 0.7, slaHours: 48, labelVi: 'Cho vay trái phép' },
  'personal-data': { severity: 0.85, slaHours: 12, labelVi: 'Lộ lọt dữ liệu cá nhân' },
  spam: { severity: 0.3, slaHours: 72, labelVi: 'Thư rác, quảng cáo rác' },
  'false-information': { severity: 0.75, slaHours: 24, labelVi: 'Thông tin sai sự thật' },
  'coordinated-behaviour': { severity: 0.6, slaHours: 72, labelVi: 'Hành vi phối hợp không xác thực' },
};
const FALLBACK = { severity: 0.5, slaHours: 48, labelVi: 'Khác' };

/** Policy of a category, or the fallback. */
export function categoryPolicy(category: string): { severity: number; slaHours: number; labelVi: string } {
  return CATEGORY_POLICY[category] ?? FALLBACK;
}

/**
 * The time-independent part of the queue priority: severity × confidence × reach factor, where reach
 * (documents and replies around the subject) counts logarithmically. The queue multiplies it by
 * (1 + age / SLA) at read time, so waiting items rise and an item at its SLA has doubled.
 */
export function basePriority(severity: number, confidence: number, reach: number): number {
  return severity * Math.max(0, Math.min(1, confidence)) * (1 + Math.log10(1 + Math.max(0, reach)));
}

/** Vietnamese names of the actions (notices, reports). */
export const ACTION_LABEL_VI: Readonly<Record<ActionKind, string>> = {
  none: 'Không áp dụng biện pháp',
  label: 'Gắn nhãn kèm đính chính',
  notice: 'Thông báo vi phạm tới cơ quan chủ quản',
  'takedown-request': 'Yêu cầu gỡ bỏ có thời hạn',
  escalation: 'Chuyển cơ quan có thẩm quyền xem xét',
};

/** Default takedown deadline when the legal basis sets none. */
export const DEFAULT_TAKEDOWN_HOURS = 24;
