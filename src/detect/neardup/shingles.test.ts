import { describe, expect, it } from 'vitest';
import { fastKeyTokens, keyTokens, matchKey } from './key-tokens.js';
import { keyText, shingleSet, shingleSetOfTokens } from './shingles.js';
import { NearDupIndex } from './near-dup-index.js';
import { generateCorpus } from './synthetic.js';

describe('shingleSetOfTokens', () => {
  it('gives exactly the shingles of the key text, on generated comments and edge cases', () => {
    const texts = [...generateCorpus({ docs: 400, seed: 7, duplicateShare: 0.3 })].map((d) => d.text);
    texts.push('', 'a', 'ab cd', 'ko đc', '!!!', 'x'.repeat(3000), 'mn ơi '.repeat(100));
    for (const opts of [{ size: 5, maxShingles: 1024 }, { size: 3, maxShingles: 20 }]) {
      for (const t of texts) {
        for (const tokens of [keyTokens(t), fastKeyTokens(t)]) {
          expect(shingleSetOfTokens(tokens, opts), t).toEqual(shingleSet(keyText(tokens), opts));
        }
      }
    }
  });
});

describe('the text core key string', () => {
  it('gives the same syllables and shingles as its key tokens', () => {
    const texts = [...generateCorpus({ docs: 300, seed: 8, duplicateShare: 0.3 })].map((d) => d.text);
    texts.push('', 'ck cho em 500k nhé', 'ck em đi làm rồi', 'Ko đc đâu!!!', 'x'.repeat(2000));
    const index = new NearDupIndex();
    for (const t of texts) {
      const tokens = keyTokens(t);
      const key = matchKey(t);
      expect(key, t).toBe(keyText(tokens));
      expect(shingleSet(key), t).toEqual(shingleSetOfTokens(tokens));
      expect(index.prepare(t).tokens, t).toBe(tokens.length);
    }
  });
});
