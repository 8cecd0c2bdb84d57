/**
 * The one contract every detector the registry builds must keep: deterministic, never throws on odd
 * input, evidence offsets inside the text, scores in 0..1, categories from the policy pack.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, TextClassifier } from './classifier/index.js';
import { DEFAULT_TRAIN, trainModel } from './classifier/train.js';
import { syntheticCorpus, SYNTHETIC_LABELS } from './classifier/testing.js';
import { createClaimMatcher, parseFactChecks } from './claims/index.js';
import { loadDefaultPack } from './policy/active.js';
import { createDefaultDetectors } from './registry.js';
import type { DetectContext, DetectDocument } from './types.js';

const { pack } = loadDefaultPack();
const categories = new Set(pack.categories.map((c) => c.id));

function resources() {
  // Small test resources: a classifier trained on synthetic text, a one-entry fact-check registry.
  const { model } = trainModel('hate-speech', SYNTHETIC_LABELS, syntheticCorpus(300, 7), { ...DEFAULT_TRAIN, folds: 2, epochs: 2, features: { ...DEFAULT_FEATURES, bits: 14 } });
  const claimMatcher = createClaimMatcher(
    parseFactChecks([{ id: 'CHANH', claim: 'Uống nước chanh nóng mỗi sáng chữa khỏi ung thư giai đoạn cuối.', verdict: 'false', correction: 'Không có bằng chứng.' }]),
  );
  return { classifiers: [new TextClassifier(model)], claimMatcher };
}

const ODD: Record<string, string> = {
  empty: '',
  whitespace: ' \n\t  \u00a0 ',
  huge: 'vay nhanh không thế chấp 0912345678 bit.ly/x đ.m '.repeat(22_000),
  binary: String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)) + '\ud800x\udfff',
  emoji: '😂😂🔥🇻🇳👍🏽👨‍👩‍👧',
  rtl: 'مرحبا بالعالم שלום עולם 0912345678',
  nfd: 'Lừa đảo vay tiền online giải ngân trong ngày'.normalize('NFD'),
  legacy: 'Baïn bò löøa ñaûo roài, vay nhanh khoâng theá chaáp',
  viqr: 'Ba.n bi. lu+`a dda?o ro^`i',
  harmful: 'CCCD của nó 079203001234, vào fb88.vip nạp 100k tặng, bọn bắc kỳ giết hết, đ.m óc chó câm mồm',
};

describe('detector contract (every detector the registry builds)', () => {
  const detectors = createDefaultDetectors(resources());
  const now = new Date('2026-11-28T00:00:00Z');

  it('builds rules, personal-data, classifiers, claims and text-reuse in that order', () => {
    expect(detectors.map((d) => d.id)).toEqual(['rules', 'personal-data', 'classifier:hate-speech', 'claims', 'text-reuse']);
    expect(detectors[0]?.version).toBe(pack.version);
  });

  for (const [name, text] of Object.entries(ODD)) {
    it(`keeps the contract on ${name} text`, () => {
      const parent: DetectDocument = { id: 'p', kind: 'post', text: 'Bài gốc: ' + text.slice(0, 5000), title: 'Tiêu đề', url: null, parentId: null, author: null, outletType: 'e-newspaper', publishedAt: now };
      const doc: DetectDocument = { id: 'c', kind: 'comment', text, title: null, url: null, parentId: 'p', author: 'ai đó', outletType: 'social-page', publishedAt: now };
      const ctx: DetectContext = { now, parent };
      for (const d of detectors) {
        for (const target of [doc, parent]) {
          const run = () => (d.appliesTo(target) ? d.run(target, ctx) : []);
          const first = run();
          expect(JSON.stringify(run()), `${d.id} deterministic`).toBe(JSON.stringify(first));
          for (const f of first) {
            expect(f.score, d.id).toBeGreaterThanOrEqual(0);
            expect(f.score, d.id).toBeLessThanOrEqual(1);
            expect(categories.has(f.category), `${d.id}: ${f.category}`).toBe(true);
            expect(f.explanation.length, d.id).toBeGreaterThan(0);
            for (const [s, e] of offsets(f.evidence)) {
              expect(s, `${d.id} start`).toBeGreaterThanOrEqual(0);
              expect(e, `${d.id} end`).toBeLessThanOrEqual(target.text.length);
              expect(s, `${d.id} span`).toBeLessThanOrEqual(e);
            }
          }
        }
      }
    });
  }

  it('finds what the default pack is for in plainly harmful text', () => {
    const doc: DetectDocument = { id: 'h', kind: 'comment', text: ODD.harmful ?? '', title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: now };
    const cats = new Set(detectors.flatMap((d) => d.run(doc, { now, parent: null }).map((f) => f.category)));
    for (const c of ['personal-data', 'illegal-gambling', 'hate-speech', 'harassment']) expect(cats.has(c), c).toBe(true);
  });
});

/** Every {start, end} pair anywhere in the evidence (source offsets of other texts excluded). */
function offsets(v: unknown, out: Array<[number, number]> = []): Array<[number, number]> {
  if (Array.isArray(v)) v.forEach((x) => offsets(x, out));
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push([o.start, o.end]);
    for (const x of Object.values(o)) offsets(x, out);
  }
  return out;
}
