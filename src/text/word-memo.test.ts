import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordMemo } from './word-memo.js';

describe('WordMemo', () => {
  it('finds what was stored, looked up inside a longer text, through growth and clearing', () => {
    const word = fc.oneof(fc.constantFrom('ko', 'đc', 'Việt', 'k', '', '😂', 'nguuuu'), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 3000 }), fc.integer({ min: 1, max: 2500 }), (words, max) => {
        const memo = new WordMemo<{ w: string }>(max);
        const model = new Map<string, { w: string }>();
        for (const w of words) {
          const text = `«${w}»`;
          const got = memo.get(text, 1, 1 + w.length);
          // The memo may have been cleared since the word was stored, never return a wrong value.
          if (got !== undefined) expect(got).toBe(model.get(w));
          if (got === undefined) {
            if (model.size >= max) model.clear();
            const v = { w };
            memo.set(w, v);
            model.set(w, v);
          }
          expect(memo.get(text, 1, 1 + w.length)?.w).toBe(w);
        }
        // Whatever the model holds since the last clearing is still found.
        for (const [w, v] of model) expect(memo.get(w, 0, w.length)).toBe(v);
      }),
      { numRuns: 60 },
    );
  });
});
