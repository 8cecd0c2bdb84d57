// The learned combiner (issue #6, sixth round): the shipped model file, that the matcher really uses it,
// and that pruning on the hand formula below the model's floor never drops a candidate the model accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCombiner, COMBINER_FEATURES, EVIDENCE_FEATURES, parseCombiner, PENALTY_FEATURES } from './combiner.js';
import { readLabelledSet } from './evaluate.js';
import { createClaimMatcher } from './matcher.js';

const fixtures = new URL('../../../tests/fixtures/claims/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, fixtures), 'utf8');
// The training script's parts and registry.
const { factChecks: registry, posts } = readLabelledSet(read);
const raw = JSON.parse(
  readFileSync(new URL('../../../models/claims-combiner.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('claims combiner model file', () => {
  it("loads as the bundled model with the training script's shape", () => {
    const model = bundledCombiner();
    expect(model).not.toBeNull();
    if (model === null) return;
    expect(model.features).toEqual([...COMBINER_FEATURES]);
    for (const k of ['means', 'sds', 'weights'] as const)
      expect(model[k]).toHaveLength(COMBINER_FEATURES.length);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.handFloor).toBeLessThan(model.threshold);
    expect([...model.trainingParts].sort()).toEqual([...new Set(posts.map((p) => p.split))].sort());
    const cvParts = model.crossValidation.map((c) => c.part);
    expect(cvParts).toEqual(expect.arrayContaining(['holdout8', 'holdout9', 'independent', 'all']));
    for (const c of model.crossValidation)
      for (const s of [c.hand, c.model]) expect(s.f1).toBeGreaterThanOrEqual(0);
  });

  it('keeps evidence against a match from raising the probability', () => {
    const model = bundledCombiner();
    const penalised = COMBINER_FEATURES.flatMap((k, i) =>
      PENALTY_FEATURES.has(k) ? [model?.weights[i] ?? 1] : [],
    );
    expect(penalised.length).toBeGreaterThan(10);
    expect(penalised.filter((w) => w > 0)).toEqual([]);
  });

  it('keeps evidence for a match from lowering the probability', () => {
    const model = bundledCombiner();
    const supporting = COMBINER_FEATURES.flatMap((k, i) => (EVIDENCE_FEATURES.has(k) ? [model?.weights[i] ?? -1] : []));
    expect(supporting.length).toBeGreaterThan(10);
    expect(supporting.filter((w) => w < 0)).toEqual([]);
  });

  it('refuses a damaged file, naming the field', () => {
    expect(() => parseCombiner({ ...raw, weights: [1, 2] })).toThrow(/"weights"/);
    expect(() => parseCombiner({ ...raw, features: [...COMBINER_FEATURES].reverse() })).toThrow(/"features"/);
    expect(() => parseCombiner({ ...raw, threshold: 1.5 })).toThrow(/"threshold"/);
    expect(() => parseCombiner({ ...raw, format: 'other' })).toThrow(/"format"/);
    expect(() => parseCombiner(raw)).not.toThrow();
  });
});

describe('matcher with the combiner', () => {
  const model = createClaimMatcher(registry);
  const hand = createClaimMatcher(registry, { combiner: 'hand' });

  it('matches every labelled claim posted word for word, alone in its registry and among all of them', () => {
    // Among all, a near-duplicate claim of another part may rank first (fc-dev-113 and fc-dev-273 are
    // the same Messenger hoax); the claim itself must still be reported.
    const missed: string[] = [];
    for (const fc of registry) {
      const id = fc.externalId ?? fc.id;
      const alone = createClaimMatcher([fc]).match(fc.claim).map((m) => m.factCheckId);
      const among = model.match(fc.claim).map((m) => m.factCheckId);
      if (!alone.includes(id) || !among.includes(id)) missed.push(`${id}: alone [${alone.join()}], among all [${among.join()}]`);
    }
    expect(missed).toEqual([]);
  });

  it('scores with the model by default and reports its probability and what moved it', () => {
    expect(model.combiner).toBe('model');
    expect(hand.combiner).toBe('hand');
    expect(model.threshold).toBe(bundledCombiner()?.threshold);
    const [m] = model.match(
      'Trong tuần này Kon Tum sẽ hứng một trận động đất 7,5 độ, dân ở đó nên đi sơ tán.',
    );
    expect(m?.explanation).toMatch(
      /model probability 0\.\d{3} \(hand formula 0\.\d{3}\), moved most by \w+ [+−]\d\.\d\d, \w+ [+−]\d\.\d\d, \w+ [+−]\d\.\d\d\.$/,
    );
  });

  it('finds tune-part repeats the hand formula misses (fails if the model is ignored)', () => {
    // Repeats of the tune part: below 0.45 by hand, above the model's threshold (the training registry).
    const repeats: Array<[string, string]> = [
      ['p036', 'nghe nói NHNN sắp đổi tiền, tờ 500k hết giá trị từ 1/1/2025 á, ai có nhiều thì tiêu lẹ đi'],
      ['p344', 'tuần sau xăng 95 lên 40k 1 lít đó, đổ lẹ ae'],
    ];
    for (const [id, text] of repeats) {
      const expected = posts.find((p) => p.id === id)?.expected;
      expect(expected).toBeTruthy();
      expect(hand.match(text).map((m) => m.factCheckId)).not.toContain(expected);
      expect(model.match(text).map((m) => m.factCheckId)).toContain(expected);
    }
  });

  it('reports only candidates at or above the hand gate, so pruning on the hand bound drops nothing (every labelled part)', () => {
    const floor = bundledCombiner()?.handFloor ?? 1;
    const below: string[] = [];
    const differing: string[] = [];
    for (const p of posts) {
      const all = model.match(p.text, { threshold: 0 });
      for (const c of all) if (c.factors.hand < floor) below.push(`${p.id} ${c.factCheckId}`);
      const kept = JSON.stringify(all.filter((c) => c.score >= model.threshold));
      if (JSON.stringify(model.match(p.text)) !== kept) differing.push(p.id);
    }
    expect(floor).toBeGreaterThan(0);
    expect(below).toEqual([]);
    expect(differing).toEqual([]);
  });

  it('keeps the hand formula as an option with its own threshold', () => {
    const text = 'Trong tuần này Kon Tum sẽ hứng một trận động đất 7,5 độ, dân ở đó nên đi sơ tán.';
    const floor = bundledCombiner()?.handFloor ?? 1;
    const withModel = createClaimMatcher(registry, { threshold: 0 }).match(text);
    const byHand = createClaimMatcher(registry, { combiner: 'hand', threshold: 0 }).match(text);
    // The same candidates above the gate; the hand score is the model's feature and the hand matcher's score.
    expect(withModel.length).toBeGreaterThan(0);
    expect(withModel.map((x) => x.factCheckId).sort()).toEqual(
      byHand
        .filter((x) => x.score >= floor)
        .map((x) => x.factCheckId)
        .sort(),
    );
    for (const x of byHand) expect(x.score).toBe(x.factors.hand);
    expect(hand.threshold).toBe(0.45);
  });
});
