/**
 * ViLexNorm error reduction: WER(original, gold) vs WER(normalizeDisplay(original), gold) over
 * whitespace tokens, ERR = (before − after) / before. Usage: npx tsx scripts/text-eval-lexnorm.ts DATA_CSV [--ci] [--show N]
 */
import { normalizeDisplay } from '../src/text/index.js';
import { editDistance, loadPairs } from './text-lexnorm-csv.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (file === undefined) {
  console.error('usage: text-eval-lexnorm.ts DATA_CSV [--ci] [--show N]');
  process.exit(2);
}
const ci = args.includes('--ci');
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1] ?? '20') : 0;
const toks = (s: string): string[] => (ci ? s.toLowerCase() : s).split(/\s+/).filter(Boolean);

let before = 0;
let after = 0;
let refLen = 0;
let shown = 0;
const pairs = loadPairs(file);
for (const { original, normalized } of pairs) {
  const ref = toks(normalized);
  const hyp = normalizeDisplay(original);
  const b = editDistance(toks(original), ref);
  const a = editDistance(toks(hyp), ref);
  before += b;
  after += a;
  refLen += ref.length;
  if (a > 0 && shown < show) {
    shown++;
    console.log(`- src: ${original}\n  out: ${hyp}\n  ref: ${normalized}`);
  }
}
const werBefore = before / refLen;
const werAfter = after / refLen;
console.log(
  JSON.stringify({ rows: pairs.length, caseInsensitive: ci, werBefore: +werBefore.toFixed(4), werAfter: +werAfter.toFixed(4), errorReduction: +((werBefore - werAfter) / werBefore).toFixed(4) }),
);
