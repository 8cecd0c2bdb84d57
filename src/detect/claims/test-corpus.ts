/**
 * Deterministic texts and registries for the claim matcher's equivalence test and bench: synthetic
 * registries (the dev claims with other places, numbers, subjects), short neutral comments, and posts
 * mixed from sentences of given texts with cues, folding and noise. Pure: callers pass the seed texts.
 */
import { foldDiacritics } from '../../text/index.js';
import { parseFactChecks } from './registry.js';
import type { FactCheck } from './types.js';

const PLACES = [
  'Hà Giang', 'Lào Cai', 'Sơn La', 'Điện Biên', 'Thái Nguyên', 'Bắc Giang', 'Hải Phòng', 'Nam Định', 'Ninh Bình',
  'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Huế', 'Quảng Nam', 'Bình Định', 'Phú Yên', 'Khánh Hòa',
  'Gia Lai', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Đồng Nai', 'Long An', 'Tiền Giang', 'Bến Tre', 'Cần Thơ',
  'Sóc Trăng', 'Bạc Liêu', 'Cà Mau', 'An Giang', 'Kiên Giang', 'Vĩnh Long', 'Trà Vinh', 'Hậu Giang',
];
const TOPICS = [
  'theo tin nhắn lan truyền', 'trong nhóm Zalo phụ huynh', 'theo một video TikTok', 'trên trang cộng đồng',
  'theo lời một người tự xưng bác sĩ', 'trong bài đăng có hàng nghìn lượt chia sẻ', 'theo một kênh YouTube',
  'kèm ảnh chụp văn bản giả', 'theo tin đồn ở chợ', 'theo một tài khoản mạo danh báo chí',
];
const SUBJECTS = [
  'Người dân', 'Học sinh', 'Công nhân', 'Tiểu thương', 'Nông dân', 'Người cao tuổi', 'Tài xế', 'Sinh viên',
  'Bệnh nhân', 'Du khách', 'Ngư dân', 'Giáo viên',
];

// Everyday comment fragments that repeat no claim (written for this module).
const NEUTRAL = [
  'Hay quá', 'cảm ơn bạn đã chia sẻ', 'Đẹp thật', 'hôm nay trời mưa to quá', 'ad ơi cho mình hỏi giá',
  'Chúc mừng năm mới cả nhà', 'quán này ăn ngon lắm', 'ib mình nhé', 'xem xong cười quá trời', 'ủng hộ shop',
  'Tuyệt vời', 'ai đi cà phê không', 'con mình cũng thích bài này', 'đội tuyển đá hay quá', 'mai mình về quê rồi',
  'giao hàng nhanh, đóng gói cẩn thận', 'Mình đồng ý với bạn', 'thời tiết dạo này thất thường ghê', 'nhạc hay ghê',
  'sản phẩm dùng tốt', 'Chị ơi còn hàng không', 'bài viết bổ ích', 'kẹt xe quá trời luôn', 'hóng phần tiếp theo',
  'lâu rồi mới thấy', 'haha', 'chuẩn luôn', 'ok bạn', 'tuyệt vời ông mặt trời', 'đi chơi vui vẻ nha',
  'món này nấu dễ mà ngon', 'xin info với ạ', 'like mạnh', 'đã đăng ký kênh', 'cố lên em',
];
const CUE_BITS = [
  'Tin giả đó mọi người.', 'Có thật không?', 'Chia sẻ ngay cho người thân!', 'ko phai tin gia dau', 'Đính chính:',
  'cảnh giác nhé', 'ai biết không ạ', 'không hề có chuyện này', 'Khẩn cấp!!!', 'tin vịt thôi', 'Thực hư thế nào?',
  'Sai sự thật.', 'hay không vậy', 'share gấp', 'Đã được cơ quan chức năng xác minh.',
];
const NOISE = ['😂', '!!!', ':)))', '...', ' ', '👍', '?', ';', '\n', ' - '];

/** Deterministic pseudo-random numbers (mulberry32) so runs compare. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` synthetic fact-checks varied from `base` (places, numbers, subject, source phrase); ids `syn-i`. */
export function synthesiseRegistry(base: readonly FactCheck[], n: number, seed = 42): FactCheck[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const raw = [];
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length] as FactCheck;
    // Replace two-word capitalised names with another place, numbers with other numbers.
    let claim = b.claim.replace(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/gu, () => pick(PLACES));
    claim = claim.replace(/\d+/g, () => String(1 + Math.floor(rand() * 90)));
    claim = `${pick(SUBJECTS)} ${pick(PLACES)}: ${claim.replace(/\.$/, '')}, ${pick(TOPICS)} (${i}).`;
    raw.push({ id: `syn-${i}`, claim, verdict: 'false', correction: b.correction });
  }
  return parseFactChecks(raw);
}

/** `n` short neutral comments (one to three everyday fragments, sometimes without diacritics). */
export function neutralComments(n: number, seed = 7): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const k = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) parts.push(pick(NEUTRAL));
    let s = parts.join(rand() < 0.5 ? ', ' : '. ');
    if (rand() < 0.3) s = foldDiacritics(s);
    if (rand() < 0.4) s += pick(NOISE);
    out.push(s);
  }
  return out;
}

/**
 * `n` posts mixed from the sentences of `sources`: one to five sentences, cue phrases, neutral
 * fragments, numbers, folding, upper case and noise, so every verifier branch is exercised.
 */
export function mixedPosts(sources: readonly string[], n: number, seed = 11): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const sentences = sources.flatMap((s) => s.split(/(?<=[.!?])\s+/)).filter((s) => s.trim() !== '');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const k = 1 + Math.floor(rand() * 5);
    for (let j = 0; j < k; j++) {
      const r = rand();
      if (r < 0.6) parts.push(pick(sentences));
      else if (r < 0.8) parts.push(pick(CUE_BITS));
      else if (r < 0.9) parts.push(pick(NEUTRAL));
      else parts.push(`${Math.floor(rand() * 100_000)}${pick(['k', 'đ', ' triệu', '', ' người', ',5'])}`);
    }
    let s = parts.join(pick([' ', '. ', '\n', ', ']));
    const t = rand();
    if (t < 0.2) s = foldDiacritics(s);
    else if (t < 0.25) s = s.toUpperCase();
    else if (t < 0.3) s = s.normalize('NFD');
    if (rand() < 0.3) s += pick(NOISE);
    out.push(s);
  }
  return out;
}

/** Anything with the matcher's `match` (the current one, or an older build under comparison). */
export interface Matchable {
  match(text: string, opts?: { threshold?: number }): unknown;
}

/**
 * One short digest per text of everything `match` returns (ids, scores, passages, explanations,
 * features), so recorded outputs stay small and any change shows up at the text that changed.
 */
export function outputDigests(matcher: Matchable, texts: readonly string[], threshold?: number): string[] {
  return texts.map((t) => fnv1a(JSON.stringify(matcher.match(t, threshold === undefined ? undefined : { threshold }))));
}

// 2 × 32-bit FNV-1a (two seeds): no crypto needed, and a changed output will not collide by accident.
function fnv1a(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0').slice(0, 4);
}

/**
 * The equivalence test's cases: the dev registry at the default threshold and at 0 (every verified
 * candidate), a 1,000-claim registry at the default threshold and at 0.25 (the score bounds at
 * another threshold).
 */
export function equivalenceCases(
  dev: readonly FactCheck[],
  posts: readonly string[],
): Array<{ name: string; registry: FactCheck[]; texts: string[]; threshold: number | undefined }> {
  const texts = [...posts, ...neutralComments(100), ...mixedPosts([...posts, ...dev.map((f) => f.claim)], 120)];
  const big = [...dev, ...synthesiseRegistry(dev, 1000 - dev.length)];
  return [
    { name: 'dev-default', registry: [...dev], texts, threshold: undefined },
    { name: 'dev-all', registry: [...dev], texts, threshold: 0 },
    { name: '1k-default', registry: big, texts, threshold: undefined },
    { name: '1k-low', registry: big, texts, threshold: 0.25 },
  ];
}
