// Accuracy gate on the hand-written dev set (tests/fixtures/claims): F1 >= 0.80 with precision >= 0.90
// on the whole set, and F1 >= 0.80 on the held-out part that was not looked at while tuning (its
// precision is reported in docs/claims.md, not gated: gating it would make it a tuning set).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, type LabelledPost } from './evaluate.js';
import { createClaimMatcher } from './matcher.js';
import { parseFactChecks } from './registry.js';

const dir = new URL('../../../tests/fixtures/claims/', import.meta.url);
const factChecks = parseFactChecks(JSON.parse(readFileSync(new URL('dev-factchecks.json', dir), 'utf8')) as unknown);
const posts = readFileSync(new URL('dev-posts.jsonl', dir), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as LabelledPost);
const matcher = createClaimMatcher(factChecks);

describe('claim matching on the dev set', () => {
  it('reaches F1 >= 0.80 with precision >= 0.90 on the whole dev set', () => {
    expect(posts.length).toBeGreaterThan(150);
    const { overall } = evaluateMatcher(matcher, posts);
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('reaches F1 >= 0.80 on the held-out part', () => {
    const part = posts.filter((p) => p.split === 'holdout');
    expect(part.length).toBeGreaterThan(40);
    expect(evaluateMatcher(matcher, part).overall.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('reaches F1 >= 0.80 on the second held-out part (claims 31-40, written before tuning the verifier)', () => {
    const part = posts.filter((p) => p.split === 'holdout2');
    expect(part.length).toBeGreaterThan(40);
    expect(evaluateMatcher(matcher, part).overall.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('never matches a related statement that lacks the claim\'s predicate or says the opposite', () => {
    const related = [
      'Tiêm vắc xin sởi giúp trẻ em gái phòng bệnh sởi và biến chứng viêm phổi.',
      'Chiều nay giá xăng RON 95 giảm 300 đồng, xuống còn 21.500 đồng một lít.',
    ];
    expect(related.filter((t) => matcher.match(t).length > 0)).toEqual([]);
  });

  it('never matches a debunk or a question', () => {
    const hard = posts.filter((p) => p.case === 'debunk' || p.case === 'question');
    const fired = hard.filter((p) => matcher.match(p.text).length > 0).map((p) => p.id);
    expect(fired).toEqual([]);
  });
});
