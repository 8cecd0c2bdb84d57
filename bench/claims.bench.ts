/**
 * Claim matching: dev-set accuracy (P/R/F1 by case type, tune and held-out parts) and throughput
 * against registries of 1,000 and 50,000 fact-checks synthesised from the dev claims (places,
 * numbers and a topic phrase varied), index build time and memory.
 */
import { readFileSync } from 'node:fs';
import type { BenchResult } from './run.js';
import {
  createClaimMatcher,
  evaluateMatcher,
  parseFactChecks,
  type FactCheck,
  type LabelledPost,
} from '../src/detect/claims/index.js';

const dir = new URL('../tests/fixtures/claims/', import.meta.url);

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

/** Deterministic pseudo-random numbers (mulberry32) so runs compare. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthesise(base: FactCheck[], n: number): FactCheck[] {
  const rand = rng(42);
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

function heapMb(): number {
  globalThis.gc?.();
  // The index lives mostly in typed arrays, which are counted outside the JS heap.
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

export async function bench(): Promise<BenchResult> {
  const dev = parseFactChecks(JSON.parse(readFileSync(new URL('dev-factchecks.json', dir), 'utf8')) as unknown);
  const posts = readFileSync(new URL('dev-posts.jsonl', dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledPost);
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];

  const devMatcher = createClaimMatcher(dev);
  for (const split of ['tune', 'holdout', 'holdout2', 'all']) {
    const part = posts.filter((p) => split === 'all' || p.split === split);
    const e = evaluateMatcher(devMatcher, part);
    figures[`dev_${split}_n`] = part.length;
    figures[`dev_${split}_precision`] = round(e.overall.precision);
    figures[`dev_${split}_recall`] = round(e.overall.recall);
    figures[`dev_${split}_f1`] = round(e.overall.f1);
    if (split === 'all') {
      for (const [c, m] of Object.entries(e.byCase)) {
        notes.push(`case ${c.padEnd(13)} n=${String(m.n).padStart(3)} P=${m.precision.toFixed(2)} R=${m.recall.toFixed(2)} F1=${m.f1.toFixed(2)} (fp=${m.fp}, fn=${m.fn})`);
      }
    }
  }

  for (const size of [1_000, 50_000]) {
    const registry = [...dev, ...synthesise(dev, size - dev.length)];
    const before = heapMb();
    const t0 = performance.now();
    const matcher = createClaimMatcher(registry);
    const buildMs = performance.now() - t0;
    const after = heapMb();
    figures[`registry_${size}_index_build_ms`] = Math.round(buildMs);
    figures[`registry_${size}_index_heap_mb`] = Math.round((after - before) * 10) / 10;
    // Throughput on the dev posts, repeated until at least 2 s have passed (one core: this loop).
    let docs = 0;
    const t1 = performance.now();
    while (performance.now() - t1 < 2000) {
      for (const p of posts) matcher.match(p.text);
      docs += posts.length;
    }
    figures[`registry_${size}_docs_per_s_per_core`] = Math.round(docs / ((performance.now() - t1) / 1000));
    const e = evaluateMatcher(matcher, posts);
    figures[`registry_${size}_dev_precision`] = round(e.overall.precision);
    figures[`registry_${size}_dev_recall`] = round(e.overall.recall);
  }
  notes.push('registries are the 30 dev claims plus synthetic variants (other places, numbers, subjects); a synthetic variant reported for a dev post counts as a false positive');
  if (globalThis.gc === undefined) notes.push('heap figures without --expose-gc are approximate');
  return { name: 'claims', figures, notes };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
