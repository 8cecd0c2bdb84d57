/**
 * The `personal-data` detector: exposure of someone's citizen ID, phone, bank account or e-mail.
 *
 * A number alone is not exposure. An outlet's own hotline or donation account in its post is contact
 * information; a seller's "liên hệ 09xx" is advertising (the spam rules' business). What counts:
 * - a CCCD number anywhere (publishing an ID number is almost never legitimate);
 * - a phone, account or e-mail next to words that point at a third party ("sđt của nó", "nhà thằng
 *   này", "bóc phốt") — in anything but an outlet's own post;
 * - two or more different kinds of personal data together in a comment without advertising words.
 */
import { analysisOf } from '../analysis.js';
import type { Detector, DetectContext, DetectDocument, FindingDraft } from '../types.js';
import type { Signal } from './types.js';

export const PERSONAL_DATA_DETECTOR_VERSION = '1';

const WINDOW = 60;
const THIRD_PARTY =
  /(?<![a-z])(?:cua (?:no|thang|con|ba|ong|anh ta|chi ta|bon|tui|lao|mu|ban ay|nguoi nay)|nha (?:no|thang|con|lao|mu)|dia chi nha|boc phot|info|thong tin ca nhan|day la (?:sdt|so|stk|cccd)|ai biet|goi cho no|khung bo|ten that|vo no|chong no|bo me no|cccd|cmnd|can cuoc)(?![a-z])/;
const SELF =
  /(?<![a-z])(?:lien he|lh|hotline|duong day nong|zalo|inbox|ib|goi ngay|dat hang|tu van|ho tro|cskh|cham soc khach hang|order|ship|ban|mua|gia|toi|minh|em|tui)(?![a-z])/;
const OUTLET_TYPES = new Set(['e-newspaper', 'magazine', 'state-portal', 'general-site']);

const KIND_VI: Record<string, string> = { phone: 'số điện thoại', cccd: 'số CCCD', 'bank-account': 'số tài khoản', email: 'e-mail' };

/** "0912345678" → "091******78": explanations never repeat the personal data in full. */
function mask(s: Signal): string {
  const v = s.value;
  if (s.name === 'email') return v.replace(/^(.).*(@.*)$/, '$1***$2');
  return v.length <= 4 ? '****' : v.slice(0, 3) + '*'.repeat(Math.max(1, v.length - 5)) + v.slice(-2);
}

/** Builds the personal-data detector (stateless; `ctx.now` bounds CCCD birth years). */
export function createPersonalDataDetector(): Detector {
  return {
    id: 'personal-data',
    version: PERSONAL_DATA_DETECTOR_VERSION,
    appliesTo(doc: DetectDocument): boolean {
      return /\d/.test(doc.text) || doc.text.includes('@');
    },
    run(doc: DetectDocument, ctx: DetectContext): FindingDraft[] {
      const analysis = analysisOf(doc, ctx);
      const personal = analysis.signals().signals.filter((s) => s.name === 'phone' || s.name === 'cccd' || s.name === 'bank-account' || s.name === 'email');
      if (personal.length === 0) return [];
      const outletPost = doc.kind === 'post' && doc.outletType !== null && OUTLET_TYPES.has(doc.outletType);
      const folded = analysis.folded();
      const exposed: Array<{ signal: Signal; reason: string }> = [];
      for (const s of personal) {
        const before = folded.slice(Math.max(0, s.start - WINDOW), s.start);
        const after = folded.slice(s.end, s.end + 20);
        if (s.name === 'cccd') exposed.push({ signal: s, reason: 'cccd' });
        else if (!outletPost && THIRD_PARTY.test(before + ' ' + after)) exposed.push({ signal: s, reason: 'third-party' });
      }
      const kinds = new Set(personal.map((s) => s.name));
      if (exposed.length === 0 && !outletPost && doc.kind === 'comment' && kinds.size >= 2 && !SELF.test(folded.slice(0, 2000))) {
        for (const s of personal) exposed.push({ signal: s, reason: 'combined' });
      }
      if (exposed.length === 0) return [];
      const hasCccd = exposed.some((e) => e.reason === 'cccd');
      const thirdParty = exposed.some((e) => e.reason === 'third-party');
      const score = Math.min(1, (hasCccd ? (doc.kind === 'comment' ? 0.85 : 0.7) : thirdParty ? 0.75 : 0.6) + (new Set(exposed.map((e) => e.signal.name)).size > 1 ? 0.1 : 0));
      const listed = exposed.slice(0, 5).map((e) => `${KIND_VI[e.signal.name] ?? e.signal.name} ${mask(e.signal)}`);
      const why = hasCccd ? 'có số CCCD hợp lệ' : thirdParty ? 'kèm lời chỉ đích danh người khác' : 'nhiều loại dữ liệu cá nhân cùng lúc';
      return [
        {
          category: 'personal-data',
          score,
          explanation: `Có thể làm lộ dữ liệu cá nhân (${why}): ${listed.join(', ')}${exposed.length > 5 ? '…' : ''}.`,
          evidence: {
            items: exposed.slice(0, 20).map((e) => ({ kind: e.signal.name, start: e.signal.start, end: e.signal.end, text: e.signal.text, reason: e.reason, ...(e.signal.detail ? { detail: e.signal.detail } : {}) })),
          },
        },
      ];
    },
  };
}
