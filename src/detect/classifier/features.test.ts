import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, FeatureExtractor } from './features.js';

const small = { ...DEFAULT_FEATURES, bits: 16 };
const sorted = (a: Int32Array): number[] => [...a].sort((x, y) => x - y);

describe('FeatureExtractor', () => {
  it('gives the same features for NFC and NFD input', () => {
    const fx = new FeatureExtractor(small);
    const nfc = sorted(fx.extract('Tiếng Việt hoà thuý khoẻ'));
    const nfd = sorted(fx.extract('Tiếng Việt hoà thuý khoẻ'.normalize('NFD')));
    expect(nfd).toEqual(nfc);
  });

  it('ignores case, zero-width characters, extra spaces and elongation', () => {
    const fx = new FeatureExtractor(small);
    const base = sorted(fx.extract('đi chơi'));
    expect(sorted(fx.extract('  ĐI\u200b   CHƠI '))).toEqual(base);
    expect(sorted(fx.extract('đii chơiii'))).toEqual(sorted(fx.extract('đii chơii')));
  });

  it('lets text without diacritics share the folded word features', () => {
    const fx = new FeatureExtractor({ ...small, charMax: 0, wordNgrams: 1, foldedWordNgrams: 1 });
    const accented = new Set(fx.extract('không được'));
    const plain = [...fx.extract('khong duoc')];
    expect(plain.filter((b) => accented.has(b)).length).toBe(2);
  });

  it('traces the same buckets as the fast path, with readable n-grams', () => {
    const fx = new FeatureExtractor(small);
    const text = 'Đồ ngu :))) 😡 không dấu';
    const fast = [...fx.extract(text)];
    const traced = fx.traced(text);
    expect(traced.map((f) => f.bucket)).toEqual(fast);
    const ngrams = traced.filter((f) => f.kind === 'word').map((f) => f.ngram);
    expect(ngrams).toContain('đồ ngu');
    expect(ngrams).toContain(':))');
    expect(traced.filter((f) => f.kind === 'folded-word').map((f) => f.ngram)).toContain('do ngu');
  });

  it('bounds the work on huge text and returns nothing for blank text', () => {
    const fx = new FeatureExtractor(small);
    expect(fx.extract('   ').length).toBe(0);
    const huge = fx.extract('a'.repeat(10) + ' xin chào '.repeat(100_000)).length;
    expect(huge).toBeLessThan(DEFAULT_FEATURES.maxChars * 10);
    expect(() => fx.extract('\ud800 lone surrogate \u0000\uffff')).not.toThrow();
  });

  it('can add features of a matching key, shared by teencode and standard spellings', () => {
    // A stand-in for the text core's matchKey, enough for the two spellings used here.
    const keyOf = (raw: string): string => (raw === 'ko dc' ? 'khong duoc' : raw === 'không được' ? 'khong duoc' : raw);
    const keyed = { ...small, charMax: 0, wordNgrams: 0, foldedWordNgrams: 0, keyNgrams: 1, keyChars: false };
    expect(() => new FeatureExtractor(keyed)).toThrow(/matching key/);
    const fx = new FeatureExtractor(keyed, keyOf);
    const standard = new Set(fx.extract('không được'));
    expect(standard.size).toBeGreaterThan(0);
    expect([...fx.extract('ko dc')].every((b) => standard.has(b))).toBe(true);
    const both = new FeatureExtractor({ ...small, keyNgrams: 2, keyChars: true }, (raw) => raw.toLowerCase());
    const text = 'Đ.m mày ko biết j à';
    expect(both.traced(text).map((f) => f.bucket)).toEqual([...both.extract(text)]);
  });
});
