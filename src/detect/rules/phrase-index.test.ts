import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SymbolAutomaton } from './aho-corasick.js';
import { diacriticMarks, PhraseIndex } from './phrase-index.js';

const idx = new PhraseIndex(['lừa đảo', 'lừa', 'không thế chấp', 'cá độ', 'đ.m', 'hoà bình', 'nạp 100k tặng', 'lua dao nhe']);
const found = (text: string) => idx.match(PhraseIndex.key(text)).map((m) => ({ phrase: m.phrase, text: m.text, exact: m.exact }));
const phrasesIn = (text: string) => found(text).map((m) => m.phrase);

describe('phrase matching on key syllables', () => {
  it('matches a phrase written with diacritics in every spelling of it, with raw offsets', () => {
    for (const t of ['Bị LỪA ĐẢO rồi', 'bi lua dao roi', 'bị l.ừ.a đ.ả.o rồi', 'bị lừaaa đảooo rồi', 'bò löøa ñaûo roài', 'bÞ lõa ®¶o råi', 'bi lu+`a dda?o ro^`i']) {
      const m = idx.match(PhraseIndex.key(t)).find((x) => x.phrase === 'lừa đảo');
      expect(m, t).toBeDefined();
      if (m) expect(t.slice(m.start, m.end)).toBe(m.text);
    }
    expect(found('Vay ko thế chấp')).toContainEqual({ phrase: 'không thế chấp', text: 'ko thế chấp', exact: false });
    expect(found('đ.m mày')).toContainEqual({ phrase: 'đ.m', text: 'đ.m', exact: true });
  });

  it('marks a match that exists only on the folded key as not exact', () => {
    expect(found('lua dao')).toContainEqual({ phrase: 'lừa đảo', text: 'lua dao', exact: false });
    expect(found('lừa đảo')).toContainEqual({ phrase: 'lừa đảo', text: 'lừa đảo', exact: true });
  });

  it('does not match a different word that folds the same when the text has diacritics', () => {
    expect(phrasesIn('cháy lửa đảo')).toEqual([]);
    expect(phrasesIn('ca đố vui')).toEqual([]);
  });

  it('treats tone-mark placement as the same word', () => {
    expect(phrasesIn('hòa bình')).toEqual(['hoà bình']);
  });

  it('a phrase written without diacritics accepts any marks', () => {
    expect(phrasesIn('lừa đảo nhé')).toContain('lua dao nhe');
  });

  it('never matches inside other words or across syllable boundaries', () => {
    expect(phrasesIn('lừađảo')).toEqual([]);
    expect(phrasesIn('cá độc')).toEqual([]);
    expect(phrasesIn('bắc cá độ')).toEqual(['cá độ']);
    expect(phrasesIn('nạp 1000k tặng')).toEqual([]);
    expect(phrasesIn('NAP 100K TANG')).toEqual(['nạp 100k tặng']);
  });

  it('diacriticMarks ignores case, order and repeats', () => {
    expect(diacriticMarks('LỪAAA')).toBe(diacriticMarks('lừa'));
    expect(diacriticMarks('hoà')).toBe(diacriticMarks('hòa'));
    expect(diacriticMarks('lua')).toBe('');
    expect(diacriticMarks('lửa')).not.toBe(diacriticMarks('lừa'));
  });
});

describe('SymbolAutomaton', () => {
  it('finds exactly the occurrences a naive scan finds', () => {
    const pattern = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 40 }), (patterns, text) => {
        const ac = new SymbolAutomaton();
        patterns.forEach((p) => ac.add(p));
        ac.build();
        const got: string[] = [];
        ac.find(text, (p, first, last) => got.push(`${p}:${first}:${last}`));
        const want: string[] = [];
        for (let end = 0; end < text.length; end++)
          patterns.forEach((p, id) => {
            const start = end - p.length + 1;
            if (start >= 0 && p.every((s, k) => text[start + k] === s)) want.push(`${id}:${start}:${end}`);
          });
        expect(got.sort()).toEqual(want.sort());
      }),
      { numRuns: 300 },
    );
  });
});
