/**
 * Old vs new text core in one process: same outputs, and the speed ratio. A ratio measured in one
 * run is far steadier than two bench runs on a shared machine.
 * Usage: npx tsx scripts/text-compare.ts OLD_TEXT_DIR [DATA_CSV...]
 * OLD_TEXT_DIR holds an older src/text, e.g. `mkdir -p .tmp/old && git archive COMMIT src/text | tar -x -C .tmp/old`
 * then .tmp/old/src/text. Keep it inside the repository (.tmp/ is ignored): outside it, with no
 * package.json saying "type": "module", tsx loads the copy as CommonJS and it runs ~1.3x slower, which
 * falsifies the ratio. Optional CSV files (e.g. ../shared/data/vilexnorm/dev.csv) add real rows
 * to the equality check; nothing from them is written anywhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as NEW from '../src/text/index.js';
import { parseCsv } from './text-lexnorm-csv.js';
import { textCorpus } from '../bench/text-corpus.js';

type Core = typeof NEW;
const [oldDir, ...csvs] = process.argv.slice(2);
if (oldDir === undefined) {
  console.error('usage: text-compare.ts OLD_TEXT_DIR [DATA_CSV...]');
  process.exit(2);
}
const OLD = (await import(pathToFileURL(resolve(oldDir, 'index.ts')).href)) as Core;

const { comments, articles } = textCorpus();

const real: string[] = [];
for (const file of csvs)
  for (const row of parseCsv(readFileSync(file, 'utf8')).slice(1))
    for (const cell of row) if (/\p{L}/u.test(cell)) real.push(cell);

// Generated strings (fixed seed) aimed at the scanner's and the key's edge cases: chains, tones, context forms.
const PIECES = [
  'đ.m',
  'd-m',
  'd~i.t',
  'l.o.n',
  'di~',
  'a?',
  'đ.m?',
  'v.c.l',
  'x.y.z.w',
  'ck',
  'vk',
  'tiền',
  'j',
  'r',
  'z',
  'v',
  'ng',
  'k',
  'kg',
  '50',
  '50k',
  '3,5tr',
  '0912 345 678',
  '+84912345678',
  '@Ngọc.Anh',
  '#HàNội',
  'https://a.vn/x).',
  'abc.com',
  'a@b.vn',
  ':)))',
  '=]]',
  ':v',
  '^^',
  'T_T',
  'xD',
  '😂',
  '👨‍👩‍👧',
  '🇻🇳',
  '#️⃣',
  'Vieät',
  "Tie^'ng",
  'dda^u',
  'hoa\u0300',
  '&amp;',
  '\u200b',
  'Ð',
  'ｋ',
  'Cà phê',
  'nguuuu',
  'd1t',
  'Привет',
  'сặс',
  '.',
  ',',
  '-',
  '?',
  '!',
  '…',
  '\ud83d',
  '\udc00',
  '\t',
  '\n',
  'KO',
  'Đc',
  'ntn',
  'bt',
  'dk',
];
const piece = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const generated = fc.sample(
  fc
    .tuple(fc.array(piece, { maxLength: 14 }), fc.constantFrom('', ' ', ' ', '.'))
    .map(([a, sep]) => a.join(sep)),
  { numRuns: 20000, seed: 42 },
);

// Identity spans and null spans mean the same; compare what callers can observe.
const show = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x instanceof Int32Array ? Array.from(x) : x));
const FNS = [
  'matchKey',
  'keyTokens',
  'tokenize',
  'normalizeDisplay',
  'sentences',
  'detectEncoding',
  'fixEncoding',
  'foldDiacritics',
] as const;
let diffs = 0;
for (const s of [...comments, ...real, ...generated]) {
  for (const f of FNS) {
    const a = show((OLD[f] as (x: string) => unknown)(s));
    const b = show((NEW[f] as (x: string) => unknown)(s));
    if (a !== b && diffs++ < 10)
      console.log(
        `DIFF ${f} ${JSON.stringify(s.slice(0, 80))}\n  old ${a.slice(0, 200)}\n  new ${b.slice(0, 200)}`,
      );
  }
}
console.log(
  `outputs compared on ${comments.length + real.length + generated.length} texts × ${FNS.length} functions: ${diffs} differences`,
);

function rate(texts: readonly string[], fn: (s: string) => unknown, ms: number): number {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  let done = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < ms) {
    for (const t of texts) fn(t);
    done += bytes;
  }
  const c = process.cpuUsage(c0);
  return done / 1e6 / ((c.user + c.system) / 1e6);
}
const median = (a: number[]): number => a.sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? 0;
const speedSets: Array<[string, readonly string[]]> = [
  ['comment', comments],
  ['article', articles],
];
// Real rows (first CSV only: e.g. ViHSD dev, short comments) show the per-call costs synthetic text hides.
// Re-decoded so they are flat strings, as from JSON or a database: the CSV parser builds them by
// concatenation, and such strings made both versions up to 30% slower.
if (csvs[0] !== undefined) {
  const rows = parseCsv(readFileSync(csvs[0], 'utf8'))
    .slice(1)
    .map((r) => r[0] ?? '');
  speedSets.push(['real', rows.filter((t) => t.length > 0).map((t) => Buffer.from(t).toString())]);
}
for (const [label, texts] of speedSets) {
  for (const f of ['matchKey', 'keyTokens', 'tokenize', 'normalizeDisplay', 'foldDiacritics'] as const) {
    const o = OLD[f] as (s: string) => unknown;
    const n = NEW[f] as (s: string) => unknown;
    for (const t of texts.slice(0, 300)) {
      o(t);
      n(t);
    }
    const ro: number[] = [];
    const rn: number[] = [];
    // Interleaved rounds so both see the same machine load.
    for (let r = 0; r < 5; r++) {
      ro.push(rate(texts, o, 300));
      rn.push(rate(texts, n, 300));
    }
    const [mo, mn] = [median(ro), median(rn)];
    console.log(
      `${label} ${f.padEnd(17)} old ${mo.toFixed(2).padStart(6)} MB/cpu-s  new ${mn.toFixed(2).padStart(6)} MB/cpu-s  ×${(mn / mo).toFixed(2)}`,
    );
  }
}
