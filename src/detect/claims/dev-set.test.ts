// Accuracy gate on the hand-written dev set (tests/fixtures/claims): F1 >= 0.80 with precision >= 0.90
// on the whole set, and F1 >= 0.80 on each held-out part that was not tuned on (their precision is
// reported in docs/claims.md, not gated: gating it would make them tuning sets). Since the sixth round
// the default matcher scores with the learned combiner, which was fitted on these parts: this gate is
// in-sample for it (its leave-part-out figures are in models/claims-combiner.json and docs/claims.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, parseLabelledPosts } from './evaluate.js';
import { createClaimMatcher } from './matcher.js';
import { parseFactChecks } from './registry.js';

const dir = new URL('../../../tests/fixtures/claims/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, dir), 'utf8');
// One registry for every slice: the 45 dev claims, the 14 of held-out 3, the 10 of held-out 4 and 5,
// the 12 of held-out 6 and the 10 of held-out 7 (held-out 5 to 7 are measured by the bench, not gated:
// gating them would make them tuning sets).
const parts = ['dev', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7'];
const factChecks = parseFactChecks(parts.flatMap((p) => JSON.parse(read(`${p}-factchecks.json`)) as unknown[]));
const posts = parts.flatMap((p) => parseLabelledPosts(read(`${p}-posts.jsonl`)));
const matcher = createClaimMatcher(factChecks);

describe('claim matching on the dev set', () => {
  it('reaches F1 >= 0.80 with precision >= 0.90 on the whole dev set', () => {
    expect(posts.length).toBeGreaterThan(150);
    const { overall } = evaluateMatcher(matcher, posts);
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.f1).toBeGreaterThanOrEqual(0.8);
  });

  // Each held-out part: [split, least posts, what it is].
  const heldOut: Array<[string, number, string]> = [
    ['holdout', 40, 'claims 23-30, never looked at while tuning'],
    ['holdout2', 40, 'claims 31-40, written before tuning the verifier'],
    ['holdout3', 100, 'claims 41-54, other domains, written before the second round'],
    ['holdout4', 60, 'claims 55-64, written after the second round, measured once'],
  ];
  for (const [split, least, what] of heldOut) {
    it(`reaches F1 >= 0.80 on ${split} (${what})`, () => {
      const part = posts.filter((p) => p.split === split);
      expect(part.length).toBeGreaterThan(least);
      expect(evaluateMatcher(matcher, part).overall.f1).toBeGreaterThanOrEqual(0.8);
    });
  }

  it('never matches a related statement that lacks the claim\'s predicate or says the opposite', () => {
    const related = [
      'Tiêm vắc xin sởi giúp trẻ em gái phòng bệnh sởi và biến chứng viêm phổi.',
      'Chiều nay giá xăng RON 95 giảm 300 đồng, xuống còn 21.500 đồng một lít.',
    ];
    expect(related.filter((t) => matcher.match(t).length > 0)).toEqual([]);
  });

  it('never matches a debunk or a question of the parts tuned on or read before (held-out 3 to 7 are only measured)', () => {
    const measured = new Set(['holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7']);
    const hard = posts.filter((p) => !measured.has(p.split ?? '') && (p.case === 'debunk' || p.case === 'question'));
    const fired = hard.filter((p) => matcher.match(p.text).length > 0).map((p) => p.id);
    expect(fired).toEqual([]);
  });
});
