/**
 * The synthetic Vietnamese text the text-core figures are measured on (bench/text.bench.ts and
 * scripts/text-compare.ts): comment- and article-sized, with teencode, URLs, phones and emoji.
 */
const WORDS = [
  'Hôm',
  'nay',
  'trời',
  'đẹp',
  'quá',
  'ko',
  'đc',
  'mn',
  'ơi',
  'ae',
  'mình',
  'đi',
  'chơi',
  'nhé',
  'thông',
  'tin',
  'sai',
  'sự',
  'thật',
  'về',
  'dịch',
  'bệnh',
  'lan',
  'truyền',
  'trên',
  'mạng',
  'xã',
  'hội',
  'k',
  'biết',
  'j',
  'luôn',
  ':))',
  'người',
  'dân',
  'phản',
  'ánh',
  'chính',
  'quyền',
  'địa',
  'phương',
  'đã',
  'xác',
  'minh',
  'và',
  'xử',
  'lý',
  'nghiêm',
  'vs',
  'cx',
  'thế',
  'nguuuu',
  'https://abc.vn/x',
  '0912345678',
  '😂',
];

function makeText(words: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length] ?? 'a');
    if (x % 11 === 0) out.push('.');
  }
  return out.join(' ');
}

/** 2,000 comment-sized and 20 article-sized texts, the same on every run. */
export function textCorpus(): { comments: string[]; articles: string[] } {
  return {
    comments: Array.from({ length: 2000 }, (_, i) => makeText(8 + (i % 30), i + 1)),
    articles: Array.from({ length: 20 }, (_, i) => makeText(800 + i * 40, i + 7)),
  };
}
