/**
 * Text core throughput: matchKey, keyTokens + tokenize, and normalizeDisplay in MB/s (UTF-8 bytes of
 * input) on one core, for comment-sized and article-sized text. Synthetic text, no dataset needed.
 */
import type { BenchResult } from './run.js';
import { keyTokens, matchKey, normalizeDisplay, tokenize } from '../src/text/index.js';

const WORDS = [
  'Hôm', 'nay', 'trời', 'đẹp', 'quá', 'ko', 'đc', 'mn', 'ơi', 'ae', 'mình', 'đi', 'chơi', 'nhé', 'thông', 'tin', 'sai', 'sự', 'thật',
  'về', 'dịch', 'bệnh', 'lan', 'truyền', 'trên', 'mạng', 'xã', 'hội', 'k', 'biết', 'j', 'luôn', ':))', 'người', 'dân', 'phản', 'ánh',
  'chính', 'quyền', 'địa', 'phương', 'đã', 'xác', 'minh', 'và', 'xử', 'lý', 'nghiêm', 'vs', 'cx', 'thế', 'nguuuu', 'https://abc.vn/x', '0912345678', '😂',
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

function measure(texts: readonly string[], fn: (s: string) => unknown, minMs = 1500): number {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  for (const t of texts.slice(0, 200)) fn(t); // warm-up
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (const t of texts) fn(t);
    done += bytes;
  }
  return done / 1e6 / ((performance.now() - t0) / 1000);
}

/** Throughput figures for the text core. */
export async function bench(): Promise<BenchResult> {
  const comments = Array.from({ length: 2000 }, (_, i) => makeText(8 + (i % 30), i + 1));
  const articles = Array.from({ length: 20 }, (_, i) => makeText(800 + i * 40, i + 7));
  const r = (n: number): number => Math.round(n * 100) / 100;
  return {
    name: 'text',
    figures: {
      comment_avg_bytes: Math.round(comments.reduce((a, t) => a + Buffer.byteLength(t), 0) / comments.length),
      comment_matchKey_MB_per_s: r(measure(comments, matchKey)),
      comment_keyTokens_plus_tokenize_MB_per_s: r(measure(comments, (s) => [keyTokens(s), tokenize(s)])),
      comment_normalizeDisplay_MB_per_s: r(measure(comments, normalizeDisplay)),
      article_avg_bytes: Math.round(articles.reduce((a, t) => a + Buffer.byteLength(t), 0) / articles.length),
      article_matchKey_MB_per_s: r(measure(articles, matchKey)),
      article_normalizeDisplay_MB_per_s: r(measure(articles, normalizeDisplay)),
    },
    notes: ['one core, synthetic Vietnamese comments with teencode, URLs, phones and emoji', 'ViLexNorm dev error reduction: npx tsx scripts/text-eval-lexnorm.ts ../shared/data/vilexnorm/dev.csv'],
  };
}
