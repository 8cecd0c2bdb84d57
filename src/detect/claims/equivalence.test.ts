// The fast paths of the matcher (index bound, whole-text bound, shared windows) must not change a
// single result: every output (ids, scores, passages, explanations, features) is compared, as a
// digest per text, with what the matcher before them returned on the dev posts, neutral comments and
// mixed posts, against the dev registry and a 1,000-claim one, at the default threshold and at 0 (every
// verified candidate). After an intended change of results, re-record with
// RECORD_CLAIMS_EQUIVALENCE=1 npx vitest run src/detect/claims/equivalence.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClaimMatcher } from './matcher.js';
import { parseFactChecks } from './registry.js';
import { equivalenceCases, outputDigests } from './test-corpus.js';

const fixtures = new URL('../../../tests/fixtures/claims/', import.meta.url);
const recordedFile = new URL('equivalence.recorded.json', import.meta.url);
const dev = parseFactChecks(JSON.parse(readFileSync(new URL('dev-factchecks.json', fixtures), 'utf8')) as unknown);
const posts = readFileSync(new URL('dev-posts.jsonl', fixtures), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const cases = equivalenceCases(dev, posts);
const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as Record<string, string[]>;
const record = process.env.RECORD_CLAIMS_EQUIVALENCE === '1';
const fresh: Record<string, string[]> = {};

describe('claim matcher results are unchanged', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.texts.length} texts`, () => {
      const got = outputDigests(createClaimMatcher(c.registry), c.texts, c.threshold);
      fresh[c.name] = got;
      if (record) return;
      const want = recorded[c.name] ?? [];
      expect(got.length).toBe(want.length);
      const differing = c.texts.filter((_, i) => got[i] !== want[i]).map((t) => t.slice(0, 80));
      expect(differing).toEqual([]);
    });
  }
  // The bounds prune only what cannot pass: at the default threshold the matcher returns exactly the
  // matches that the matcher without a threshold (no bound can prune) scores at or above it.
  for (const c of cases.filter((x) => x.threshold === undefined)) {
    it(`${c.name}: pruned results equal the unpruned ones above the threshold`, () => {
      const m = createClaimMatcher(c.registry);
      const differing = c.texts.filter((t) => {
        const pruned = JSON.stringify(m.match(t));
        const all = JSON.stringify(m.match(t, { threshold: 0 }).filter((x) => x.score >= m.threshold));
        return pruned !== all;
      });
      expect(differing.map((t) => t.slice(0, 80))).toEqual([]);
    });
  }
  if (record) {
    it('writes the recording', () => {
      writeFileSync(recordedFile, JSON.stringify(fresh).replace(/\],/g, '],\n') + '\n');
      expect(Object.keys(fresh)).toHaveLength(cases.length);
    });
  }
});
