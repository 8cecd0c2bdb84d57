/**
 * Full detection with the default policy pack on generated comment-sized text: comments/s on one core,
 * for the rules detector alone, rules + personal-data (signals), and the automaton with a 5,000-phrase
 * list added (cost independent of list size). Synthetic text, no dataset needed.
 */
import type { BenchResult } from './run.js';
import { loadDefaultPack, parsePolicyPack } from '../src/detect/policy/index.js';
import { CompiledPack, createRulesDetector } from '../src/detect/rules/index.js';
import { createPersonalDataDetector } from '../src/detect/signals/index.js';
import type { DetectDocument, Detector } from '../src/detect/types.js';
import { keyTokens } from '../src/text/index.js';
import { loadavg } from 'node:os';

const WORDS = [
  'Hôm', 'nay', 'trời', 'đẹp', 'quá', 'ko', 'đc', 'mn', 'ơi', 'ae', 'mình', 'đi', 'chơi', 'nhé', 'thông', 'tin', 'bài', 'viết', 'hay',
  'về', 'giá', 'xăng', 'tăng', 'trên', 'mạng', 'xã', 'hội', 'k', 'biết', 'j', 'luôn', ':))', 'người', 'dân', 'phản', 'ánh', 'vay', 'nhanh',
  'nhà', 'cái', 'lừa', 'đảo', 'inbox', 'ngay', 'đ.m', 'óc', 'chó', 'https://abc.vn/x', 'bit.ly/3xY', '0912345678', '😂', 'STK', '190356789012',
];

function makeText(words: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length] ?? 'a');
  }
  return out.join(' ');
}

function measure(docs: readonly DetectDocument[], detectors: readonly Detector[], minMs = 2000): number {
  const ctx = { now: new Date('2026-11-28T00:00:00Z'), parent: null };
  // Warm up on the whole set twice so the first configuration measured is not charged for JIT compilation.
  for (let k = 0; k < 2; k++) for (const d of docs) for (const det of detectors) det.run(d, ctx);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (const d of docs) for (const det of detectors) if (det.appliesTo(d)) det.run(d, ctx);
    n += docs.length;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Comments per second per core for the default pack. */
export async function bench(): Promise<BenchResult> {
  const docs: DetectDocument[] = Array.from({ length: 2000 }, (_, i) => ({
    id: String(i), kind: 'comment', text: makeText(8 + (i % 30), i + 1), title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null,
  }));
  const { pack } = loadDefaultPack();
  const t0 = performance.now();
  const compiled = new CompiledPack(pack);
  const compileMs = performance.now() - t0;
  const rules = createRulesDetector(compiled);
  const personal = createPersonalDataDetector();
  // The same pack with 5,000 extra generated phrases in one more list and rule.
  const extra = Array.from({ length: 5000 }, (_, i) => `cụm từ số ${i} thử`);
  const big = parsePolicyPack(
    `id: big\nversion: "1"\nname: { vi: b, en: b }\ncategories:\n  - id: spam\n    name: { vi: s, en: s }\n    description: { vi: s, en: s }\n    severity: low\n    legal: [{ law: L, article: "1", validFrom: 2020-01-01 }]\n    actions: [notice]\nphraseLists:\n  many: [${extra.join(', ')}]\nrules:\n  - { id: many, category: spam, description: d, when: { phraseList: many }, score: 0.5, explanation: E. }\n`,
  );
  const bigPack = new CompiledPack({ ...pack, phraseLists: { ...pack.phraseLists, ...big.phraseLists }, rules: [...pack.rules, ...big.rules.map((r) => ({ ...r, category: 'spam' }))] });
  const r = (x: number): number => Math.round(x);
  const avg = Math.round(docs.reduce((a, d) => a + d.text.length, 0) / docs.length);
  return {
    name: 'detect',
    figures: {
      comment_avg_chars: avg,
      default_pack_phrases: compiled.phrases.size,
      default_pack_rules: pack.rules.length,
      compile_default_pack_ms: Math.round(compileMs * 10) / 10,
      text_core_keyTokens_only_comments_per_s: r(measure(docs, [{ id: 'key', version: '0', appliesTo: () => true, run: (d) => (keyTokens(d.text), []) }])),
      rules_only_comments_per_s: r(measure(docs, [rules])),
      rules_plus_personal_data_comments_per_s: r(measure(docs, [rules, personal])),
      rules_with_5000_extra_phrases_comments_per_s: r(measure(docs, [createRulesDetector(bigPack)])),
    },
    notes: [`load average at start: ${loadavg()[0]?.toFixed(1)} (2-core machine shared with other jobs: figures scale with it)`, 'one core; synthetic comments with teencode, obfuscation, links, phones and account numbers', 'goal: ≥ 10,000 comments/s for the whole default pack'],
  };
}
