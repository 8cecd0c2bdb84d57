import { AppError } from '../core/errors.js';
import type { ProvisionFields } from '../store/legal-provisions.js';
import type { LegalBasisRef } from './types.js';

/**
 * The versioned registry of Vietnamese provisions a decision may cite. Dates are the dates in force
 * (Vietnam time, YYYY-MM-DD); `validTo` is the first day the provision no longer applies and
 * `replacedBy` names what took its place. Entries whose text or dates were not checked against the
 * official text carry `unverified` and say what is unverified in `note` (sources: docs/review.md).
 * This list is the seed: a fresh database starts from it (registry version 1, revision 1 of each), and from
 * then on the registry is data that admins change (`kiemtin legal add|revise`, POST/PATCH
 * /api/v1/legal-provisions; docs/legal-registry.md). Changing this list later reaches only new databases:
 * bump LEGAL_REGISTRY_VERSION with it.
 */
export const LEGAL_REGISTRY_VERSION = 'vn-2026-11-28.1';

/** A provision's fields (stored per revision by src/store/legal-provisions.ts). */
export type LegalProvision = ProvisionFields;

const FALSE_INFO = ['false-information'];
const FALSE_AND_INSULT = ['false-information', 'harassment', 'hate-speech'];

export const LEGAL_PROVISIONS: readonly LegalProvision[] = [
  {
    id: 'press-2016-art9',
    instrument: 'Luật Báo chí 2016 (số 103/2016/QH13)',
    authority: 'Quốc hội; quản lý nhà nước: Bộ Thông tin và Truyền thông',
    article: '9',
    clause: null,
    point: null,
    summaryVi: 'Các hành vi bị cấm trong hoạt động báo chí, trong đó có thông tin bịa đặt gây hoang mang trong nhân dân.',
    validFrom: '2017-01-01',
    validTo: '2026-07-01',
    replacedBy: 'press-2025-art35',
    categories: FALSE_AND_INSULT,
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Luật Báo chí 2025 từ 01/07/2026; điều khoản tương ứng của luật mới chưa được đối chiếu.',
  },
  {
    id: 'press-2016-art42',
    instrument: 'Luật Báo chí 2016 (số 103/2016/QH13)',
    authority: 'Quốc hội; quản lý nhà nước: Bộ Thông tin và Truyền thông',
    article: '42',
    clause: null,
    point: null,
    summaryVi: 'Cải chính, xin lỗi: cơ quan báo chí đăng thông tin sai sự thật phải cải chính; báo điện tử phải gỡ bỏ ngay và lưu trữ để phục vụ kiểm tra.',
    validFrom: '2017-01-01',
    validTo: '2026-07-01',
    replacedBy: 'press-2025-art35',
    categories: FALSE_INFO,
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Luật Báo chí 2025 từ 01/07/2026.',
  },
  {
    id: 'press-2025-art35',
    instrument: 'Luật Báo chí 2025 (số hiệu chưa xác minh)',
    authority: 'Quốc hội; quản lý nhà nước: Bộ Văn hóa, Thể thao và Du lịch',
    article: '35',
    clause: null,
    point: null,
    summaryVi: 'Gỡ bỏ thông tin vi phạm và thu hồi sản phẩm báo chí.',
    validFrom: '2026-07-01',
    validTo: null,
    replacedBy: null,
    categories: FALSE_AND_INSULT,
    takedownHours: null,
    unverified: true,
    note: 'Chưa xác minh: toàn văn điều 35 và số hiệu luật chưa được đối chiếu (thông qua 10/12/2025, hiệu lực 01/07/2026).',
  },
  {
    id: 'cyber-2018-art8-1-d',
    instrument: 'Luật An ninh mạng 2018 (số 24/2018/QH14)',
    authority: 'Quốc hội; Bộ Công an, Bộ Thông tin và Truyền thông',
    article: '8',
    clause: '1',
    point: 'd',
    summaryVi: 'Cấm đưa thông tin sai sự thật gây hoang mang trong nhân dân, gây thiệt hại cho hoạt động kinh tế - xã hội, xâm phạm quyền và lợi ích hợp pháp của tổ chức, cá nhân.',
    validFrom: '2019-01-01',
    validTo: '2026-07-01',
    replacedBy: 'cyber-2025-prohibited',
    categories: FALSE_INFO,
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Luật An ninh mạng 2025 từ 01/07/2026.',
  },
  {
    id: 'cyber-2018-art16',
    instrument: 'Luật An ninh mạng 2018 (số 24/2018/QH14)',
    authority: 'Quốc hội; Bộ Công an, Bộ Thông tin và Truyền thông',
    article: '16',
    clause: null,
    point: null,
    summaryVi: 'Thông tin trên không gian mạng có nội dung làm nhục, vu khống; gây rối loạn hoạt động quản lý kinh tế; bịa đặt, sai sự thật gây hoang mang hoặc thiệt hại.',
    validFrom: '2019-01-01',
    validTo: '2026-07-01',
    replacedBy: 'cyber-2025-prohibited',
    categories: ['false-information', 'harassment', 'hate-speech', 'scam-fraud'],
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Luật An ninh mạng 2025 từ 01/07/2026.',
  },
  {
    id: 'cyber-2018-art26-2-b',
    instrument: 'Luật An ninh mạng 2018 (số 24/2018/QH14)',
    authority: 'Quốc hội; Bộ Công an, Bộ Thông tin và Truyền thông',
    article: '26',
    clause: '2',
    point: 'b',
    summaryVi: 'Doanh nghiệp cung cấp dịch vụ trên không gian mạng ngăn chặn chia sẻ, xóa bỏ thông tin vi phạm chậm nhất 24 giờ kể từ khi có yêu cầu của cơ quan có thẩm quyền.',
    validFrom: '2019-01-01',
    validTo: '2026-07-01',
    replacedBy: 'cyber-2025-prohibited',
    categories: null,
    takedownHours: 24,
    unverified: false,
    note: 'Thay thế bởi Luật An ninh mạng 2025 từ 01/07/2026.',
  },
  {
    id: 'cyber-2025-prohibited',
    instrument: 'Luật An ninh mạng 2025 (số hiệu chưa xác minh)',
    authority: 'Quốc hội; Bộ Công an chủ trì',
    article: 'chưa xác minh',
    clause: null,
    point: null,
    summaryVi: 'Cấm bịa đặt, vu khống, thông tin sai sự thật; Bộ Công an có quyền yêu cầu gỡ bỏ thông tin vi phạm.',
    validFrom: '2026-07-01',
    validTo: null,
    replacedBy: null,
    categories: ['false-information', 'harassment', 'hate-speech', 'scam-fraud'],
    takedownHours: 24,
    unverified: true,
    note: 'Chưa xác minh: số điều, số hiệu luật và thời hạn gỡ bỏ cuối cùng (dự thảo nêu 24 giờ, 6 giờ khi khẩn cấp).',
  },
  {
    id: 'decree-72-2013-art5-1-d',
    instrument: 'Nghị định 72/2013/NĐ-CP (sửa đổi bởi Nghị định 27/2018/NĐ-CP)',
    authority: 'Chính phủ',
    article: '5',
    clause: '1',
    point: 'd',
    summaryVi: 'Cấm đưa thông tin xuyên tạc, vu khống, xúc phạm uy tín của tổ chức, danh dự và nhân phẩm của cá nhân.',
    validFrom: '2013-09-01',
    validTo: '2024-12-25',
    replacedBy: 'decree-147-2024-art23',
    categories: FALSE_AND_INSULT,
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Nghị định 147/2024/NĐ-CP từ 25/12/2024.',
  },
  {
    id: 'decree-72-2013-art5-1-e',
    instrument: 'Nghị định 72/2013/NĐ-CP (sửa đổi bởi Nghị định 27/2018/NĐ-CP)',
    authority: 'Chính phủ',
    article: '5',
    clause: '1',
    point: 'e',
    summaryVi: 'Cấm giả mạo tổ chức, cá nhân và phát tán thông tin giả mạo, thông tin sai sự thật xâm hại quyền và lợi ích hợp pháp của tổ chức, cá nhân.',
    validFrom: '2013-09-01',
    validTo: '2024-12-25',
    replacedBy: 'decree-147-2024-art23',
    categories: ['false-information', 'scam-fraud'],
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Nghị định 147/2024/NĐ-CP từ 25/12/2024.',
  },
  {
    id: 'decree-147-2024-art23',
    instrument: 'Nghị định 147/2024/NĐ-CP',
    authority: 'Chính phủ',
    article: '23',
    clause: null,
    point: null,
    summaryVi: 'Ngăn chặn, gỡ bỏ nội dung vi phạm chậm nhất 24 giờ kể từ khi có yêu cầu bằng văn bản hoặc điện tử; chủ tài khoản, trang, kênh gỡ bỏ nội dung vi phạm kể cả bình luận.',
    validFrom: '2024-12-25',
    validTo: null,
    replacedBy: null,
    categories: null,
    takedownHours: 24,
    unverified: false,
    note: 'Ngày ký: 09/11/2024 (một nguồn ghi 23/08/2024, chưa xác minh). Khiếu nại có căn cứ của người dùng: 48 giờ.',
  },
  {
    id: 'decree-15-2020-art101-1',
    instrument: 'Nghị định 15/2020/NĐ-CP (sửa đổi, bổ sung bởi Nghị định 14/2022/NĐ-CP)',
    authority: 'Chính phủ',
    article: '101',
    clause: '1',
    point: null,
    summaryVi: 'Phạt tiền 10–20 triệu đồng (tổ chức; cá nhân bằng một nửa) đối với hành vi lợi dụng mạng xã hội cung cấp, chia sẻ thông tin giả mạo, sai sự thật, xuyên tạc, vu khống, xúc phạm; biện pháp khắc phục: buộc gỡ bỏ.',
    validFrom: '2020-04-15',
    validTo: null,
    replacedBy: null,
    categories: FALSE_AND_INSULT,
    takedownHours: null,
    unverified: true,
    note: 'Chưa xác minh: nội dung điều 101 sau khi sửa đổi bởi Nghị định 14/2022/NĐ-CP (chưa đối chiếu toàn văn).',
  },
  {
    id: 'decree-119-2020',
    instrument: 'Nghị định 119/2020/NĐ-CP',
    authority: 'Chính phủ',
    article: 'chưa xác minh',
    clause: null,
    point: null,
    summaryVi: 'Xử phạt vi phạm hành chính trong hoạt động báo chí, xuất bản; đăng thông tin sai sự thật trên báo chí.',
    validFrom: '2020-12-01',
    validTo: null,
    replacedBy: null,
    categories: FALSE_INFO,
    takedownHours: null,
    unverified: true,
    note: 'Chưa xác minh: số điều cụ thể về đăng thông tin sai sự thật.',
  },
  {
    id: 'access-info-2016-art22',
    instrument: 'Luật Tiếp cận thông tin 2016 (số 104/2016/QH13)',
    authority: 'Quốc hội',
    article: '22',
    clause: null,
    point: null,
    summaryVi: 'Cơ quan nhà nước cải chính kịp thời thông tin công khai không chính xác, theo hình thức đã công khai; trả lời kiến nghị trong 15 ngày.',
    validFrom: '2018-07-01',
    validTo: '2026-09-01',
    replacedBy: 'access-info-2026-art22',
    categories: FALSE_INFO,
    takedownHours: null,
    unverified: false,
    note: 'Thay thế bởi Luật Tiếp cận thông tin sửa đổi từ 01/09/2026.',
  },
  {
    id: 'access-info-2026-art22',
    instrument: 'Luật Tiếp cận thông tin (sửa đổi) 2026',
    authority: 'Quốc hội',
    article: '22',
    clause: null,
    point: null,
    summaryVi: 'Trả lời kiến nghị về thông tin công khai không chính xác trong 10 ngày và đăng cải chính trên cổng dữ liệu.',
    validFrom: '2026-09-01',
    validTo: null,
    replacedBy: null,
    categories: FALSE_INFO,
    takedownHours: null,
    unverified: true,
    note: 'Chưa xác minh: số hiệu luật và toàn văn điều 22 mới.',
  },
];

/** A provision as the registry holds it: its fields and the revision they are. */
export interface RegisteredProvision extends LegalProvision {
  revision: number;
}

/** A view of the registry at one version: what `resolveLegalBasis` and `takedownHoursFor` look provisions up in. */
export interface RegistryView {
  /** The version label recorded in decisions, e.g. "vn-2026-11-28.1" (the seed) or "vn-2026-11-28.1+3". */
  version: string;
  get(id: string): RegisteredProvision | undefined;
}

/**
 * The label of registry version `n` grown from the seed `seedVersion`: the seed itself is version 1 and
 * keeps the code list's label, so decisions recorded before the registry was data still name the right one.
 * registryVersionLabel('vn-2026-11-28.1', 4) === 'vn-2026-11-28.1+3'.
 */
export function registryVersionLabel(seedVersion: string, n: number): string {
  return n <= 1 ? seedVersion : `${seedVersion}+${n - 1}`;
}

const byId = new Map(LEGAL_PROVISIONS.map((p) => [p.id, { ...p, revision: 1 }]));

/** The code list as a registry view: version 1 of a fresh database, and what pure callers (tests, the demo) use. */
export const SEED_REGISTRY: RegistryView = { version: LEGAL_REGISTRY_VERSION, get: (id) => byId.get(id) };

/** The provision with this id in the code list, or undefined. */
export function findProvision(id: string): LegalProvision | undefined {
  return byId.get(id);
}

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving): the day laws count from. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whether the provision was in force on the day of the act. */
export function inForce(p: Pick<LegalProvision, 'validFrom' | 'validTo'>, at: Date): boolean {
  const day = vietnamDay(at);
  return p.validFrom <= day && (p.validTo === null || day < p.validTo);
}

/** "Điều 8 khoản 1 điểm d, Luật An ninh mạng 2018 (số 24/2018/QH14)". */
export function citation(p: Pick<LegalProvision, 'article' | 'clause' | 'point' | 'instrument'>): string {
  const parts = [`Điều ${p.article}`, p.clause ? `khoản ${p.clause}` : null, p.point ? `điểm ${p.point}` : null].filter(Boolean);
  return `${parts.join(' ')}, ${p.instrument}`;
}

/** Whether a provision concerns a category (null categories: any). */
export function concerns(p: Pick<LegalProvision, 'categories'>, category: string): boolean {
  return p.categories === null || p.categories.includes(category);
}

/** Provisions of the code list in force on a day, optionally for one category. */
export function provisionsInForce(at: Date, category?: string): LegalProvision[] {
  return LEGAL_PROVISIONS.filter((p) => inForce(p, at) && (!category || concerns(p, category)));
}

/**
 * Checks the cited provisions against the act's date and category and returns the references to record:
 * id, revision, citation and registry version. A provision not in force on that day is refused with the
 * one that was (or replaced it).
 */
export function resolveLegalBasis(ids: readonly string[], actDate: Date, category: string, registry: RegistryView = SEED_REGISTRY): LegalBasisRef[] {
  return ids.map((id, i) => {
    const p = registry.get(id);
    if (!p) throw new AppError('INVALID_INPUT', `legalBasis.${i}: unknown provision "${id}" (GET /api/v1/legal-provisions lists them)`);
    if (!inForce(p, actDate)) {
      const day = vietnamDay(actDate);
      const hint = day < p.validFrom ? `it applies from ${p.validFrom}` : `it was replaced on ${p.validTo}${p.replacedBy ? ` by "${p.replacedBy}"` : ''}`;
      throw new AppError('INVALID_INPUT', `legalBasis.${i}: "${id}" was not in force on ${day}, the date of the act; ${hint}`, {
        details: { provision: id, actDate: day, validFrom: p.validFrom, validTo: p.validTo, replacedBy: p.replacedBy },
      });
    }
    if (!concerns(p, category)) {
      throw new AppError('INVALID_INPUT', `legalBasis.${i}: "${id}" does not concern the category "${category}" (it concerns ${p.categories!.join(', ')})`);
    }
    return { provisionId: p.id, revision: p.revision, citation: citation(p), registryVersion: registry.version, unverified: p.unverified };
  });
}

/** The takedown deadline in hours a legal basis sets: the shortest among the cited provisions, or the default. */
export function takedownHoursFor(refs: readonly LegalBasisRef[], fallback: number, registry: RegistryView = SEED_REGISTRY): number {
  const hours = refs.map((r) => registry.get(r.provisionId)?.takedownHours).filter((h): h is number => typeof h === 'number');
  return hours.length > 0 ? Math.min(...hours) : fallback;
}
