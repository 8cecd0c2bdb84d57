/**
 * Text core throughput: matchKey, keyTokens + tokenize, normalizeDisplay and normalize + tokens
 * (tokenize(normalizeDisplay(s))) in MB/s (UTF-8 bytes of input) on one core, for comment-sized and
 * article-sized text. Synthetic text, no dataset needed.
 */
import type { BenchResult } from './run.js';
import { textCorpus } from './text-corpus.js';
import { foldDiacritics, keyTokens, matchKey, normalizeDisplay, tokenize } from '../src/text/index.js';

const ROUNDS = 5;

/**
 * MB of input per CPU-second of this process, median of ROUNDS rounds. CPU time (user + system) rather
 * than wall time: on a shared machine other processes' load then inflates the figure far less.
 */
function measure(texts: readonly string[], fn: (s: string) => unknown, roundMs = 400): number {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  // Warm-up long enough for the optimising compiler: its threads' CPU time counts in cpuUsage, and a
  // 300-text warm-up left the first round at a fifth of the others.
  const w0 = performance.now();
  while (performance.now() - w0 < 500) for (const t of texts) fn(t);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let done = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    while (performance.now() - t0 < roundMs) {
      for (const t of texts) fn(t);
      done += bytes;
    }
    const cpu = process.cpuUsage(c0);
    rates.push(done / 1e6 / ((cpu.user + cpu.system) / 1e6));
  }
  rates.sort((x, y) => x - y);
  return rates[Math.floor(ROUNDS / 2)] ?? 0;
}

/** Throughput figures for the text core. */
export async function bench(): Promise<BenchResult> {
  const { comments, articles } = textCorpus();
  const r = (n: number): number => Math.round(n * 100) / 100;
  const avg = (ts: readonly string[]): number =>
    Math.round(ts.reduce((a, t) => a + Buffer.byteLength(t), 0) / ts.length);
  const perS = (ts: readonly string[], mbPerS: number): number => Math.round((mbPerS * 1e6) / avg(ts));
  const figures: Record<string, number> = { comment_avg_bytes: avg(comments) };
  for (const [label, texts] of [
    ['comment', comments],
    ['article', articles],
  ] as const) {
    figures[`${label}_matchKey_MB_per_cpu_s`] = r(measure(texts, matchKey));
    figures[`${label}_keyTokens_MB_per_cpu_s`] = r(measure(texts, keyTokens));
    figures[`${label}_tokenize_MB_per_cpu_s`] = r(measure(texts, tokenize));
    figures[`${label}_keyTokens_plus_tokenize_MB_per_cpu_s`] = r(
      measure(texts, (s) => [keyTokens(s), tokenize(s)]),
    );
    figures[`${label}_normalizeDisplay_MB_per_cpu_s`] = r(measure(texts, normalizeDisplay));
    // Issue #3's "normalize + tokens": display text, then its tokens (MB of the raw input).
    figures[`${label}_normalize_plus_tokens_MB_per_cpu_s`] = r(measure(texts, (s) => tokenize(normalizeDisplay(s))));
    figures[`${label}_foldDiacritics_MB_per_cpu_s`] = r(measure(texts, foldDiacritics));
    if (label === 'article') figures.article_avg_bytes = avg(articles);
  }
  figures.comment_matchKey_per_cpu_s = perS(comments, figures.comment_matchKey_MB_per_cpu_s ?? 0);
  return {
    name: 'text',
    figures,
    notes: [
      'one core, synthetic Vietnamese comments with teencode, URLs, phones and emoji; MB of UTF-8 input per CPU-second, median of 5 rounds',
      'old vs new on the same machine and run: npx tsx scripts/text-compare.ts OLD_TEXT_DIR',
      'ViLexNorm dev error reduction: npx tsx scripts/text-eval-lexnorm.ts ../shared/data/vilexnorm/dev.csv',
    ],
  };
}
