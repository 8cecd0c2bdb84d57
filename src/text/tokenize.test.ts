import { describe, expect, it } from 'vitest';
import { ngrams, sentenceSpans, tokenize } from './tokenize.js';

const kinds = (s: string): string[] => tokenize(s).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('keeps URLs, e-mails, phones, mentions, hashtags, emoji and emoticons whole', () => {
    expect(kinds('xem https://abc.vn/x?y=1. gọi 0912 345 678 hay +84912345678 a.b@gmail.com @nguyen_van #tintuc 😂 🇻🇳 :))) =]] :v')).toEqual([
      'word:xem', 'url:https://abc.vn/x?y=1', 'punct:.', 'word:gọi', 'phone:0912 345 678', 'word:hay', 'phone:+84912345678',
      'email:a.b@gmail.com', 'mention:@nguyen_van', 'hashtag:#tintuc', 'emoji:😂', 'emoji:🇻🇳', 'emoticon::)))', 'emoticon:=]]', 'emoticon::v',
    ]);
  });
  it('gives syllables with offsets and numbers with units', () => {
    const t = tokenize('Giá 500k, đẹp:))');
    expect(t.map((x) => [x.text, x.start, x.end])).toEqual([['Giá', 0, 3], ['500k', 4, 8], [',', 8, 9], ['đẹp', 10, 13], [':))', 13, 16]]);
  });
  it('splits sentences at end punctuation and line breaks', () => {
    const s = 'Câu một. Câu hai! Thật sao :)) \nDòng mới';
    expect(sentenceSpans(s).map((x) => s.slice(x.start, x.end))).toEqual(['Câu một.', 'Câu hai!', 'Thật sao :))', 'Dòng mới']);
  });
  it('builds syllable n-grams', () => {
    expect(ngrams(['a', 'b', 'c'], 2)).toEqual(['a b', 'b c']);
  });
});
