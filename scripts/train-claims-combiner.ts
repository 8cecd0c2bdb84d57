/**
 * Trains the claim matcher's learned combiner (issue #6, sixth round; docs/claims.md):
 *   npx tsx scripts/train-claims-combiner.ts [--l2 1] [--out models/claims-combiner.json]
 * Builds every candidate of every labelled part at threshold 0 with the hand formula, fits a
 * standardised L2 logistic regression by gradient descent, reports leave-one-part-out P/R/F1 per part
 * and for `independent` (held-out 8 + 9) next to the hand formula, picks the probability threshold from
 * the out-of-part predictions, fits on all parts and writes the model. Deterministic: no randomness, a
 * fixed number of full-batch steps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  COMBINER_FEATURES,
  COMBINER_FORMAT,
  combinerFeatures,
  combinerProbability,
  parseCombiner,
  EVIDENCE_FEATURES,
  PENALTY_FEATURES,
  type ClaimCombinerModel,
  type PartFigures,
} from '../src/detect/claims/combiner.js';
import { DEFAULT_CLAIM_THRESHOLD, createClaimMatcher } from '../src/detect/claims/matcher.js';
import { INDEPENDENT_PARTS, LABELLED_FILES, readLabelledSet } from '../src/detect/claims/evaluate.js';
import { analyze } from '../src/detect/claims/analyze.js';
import {
  DOUBT_KINDS,
  REPEAT_KINDS,
  stanceScore,
  trainStance,
  type StanceModel,
} from '../src/detect/claims/stance.js';

const VERSION = 1;
const INDEPENDENT = INDEPENDENT_PARTS;
const STEPS = 2000;
const RATE = 0.5;

interface Row {
  /** 'full': against the registry of every part's claims; 'own': against the claims of the post's own file. */
  setting: 'full' | 'own';
  post: number;
  fc: string;
  hand: number;
  x: number[];
  y: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

const fixtures = new URL('../tests/fixtures/claims/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, fixtures), 'utf8');
const { factChecks: registry, posts } = readLabelledSet(read);
const parts = [...new Set(posts.map((p) => p.split ?? 'unsplit'))];

// The stance model, stacked: each post's stance feature comes from a model trained on the other parts
// (as it will be for text the shipped model never saw); the shipped stance model is trained on all.
const analyses = posts.map((p) => analyze(p.text));
const stanceLabel = (i: number): 0 | 1 | null => {
  const kind = posts[i]?.case ?? '';
  return REPEAT_KINDS.has(kind) ? 1 : DOUBT_KINDS.has(kind) ? 0 : null;
};
const trainStanceOn = (keep: (i: number) => boolean): StanceModel =>
  trainStance(
    posts.flatMap((_, i) => {
      const label = stanceLabel(i);
      return keep(i) && label !== null ? [{ analysis: analyses[i] as (typeof analyses)[number], label }] : [];
    }),
  );
const stanceOutOfPart = new Float64Array(posts.length);
for (const part of parts) {
  const m = trainStanceOn((i) => (posts[i]?.split ?? 'unsplit') !== part);
  posts.forEach((p, i) => {
    if ((p.split ?? 'unsplit') === part)
      stanceOutOfPart[i] = stanceScore(m, analyses[i] as (typeof analyses)[number]);
  });
}
const finalStance = trainStanceOn(() => true);
const STANCE_AT = COMBINER_FEATURES.indexOf('stance');

// Every candidate the verifier scores, with the hand formula, at threshold 0, in two settings: against
// the registry of every part (many claims, near neighbours from other parts) and against the claims of
// the post's own file only (10–45 claims, as a newsroom's or a test's registry of a few dozen). The
// model is fitted on both, so its probabilities mean the same in a small registry and a large one.
const rows: Row[] = [];
function addRows(setting: Row['setting'], claims: typeof registry, from: number, to: number): void {
  const hand = createClaimMatcher(claims, { combiner: 'hand', threshold: 0 });
  for (let post = from; post < to; post++) {
    const p = posts[post] as (typeof posts)[number];
    const cands = hand.match(p.text, { threshold: 0 });
    const best = cands.reduce((b, m) => Math.max(b, m.factors.hand), 0);
    for (const m of cands) {
      const rank = cands.filter((o) => o.factors.hand > m.factors.hand).length;
      rows.push({
        setting,
        post,
        fc: m.factCheckId,
        hand: m.factors.hand,
        x: combinerFeatures(m, rank, best).map((v, j) =>
          j === STANCE_AT ? (stanceOutOfPart[post] as number) : v,
        ),
        y: m.factCheckId === p.expected ? 1 : 0,
      });
    }
  }
}
addRows('full', registry, 0, posts.length);
let offset = 0;
for (const file of LABELLED_FILES) {
  const own = readLabelledSet(read, [file]);
  addRows('own', own.factChecks, offset, offset + own.posts.length);
  offset += own.posts.length;
}
if (offset !== posts.length) throw new Error(`labelled files hold ${offset} posts, the set ${posts.length}`);

interface Fit {
  means: number[];
  sds: number[];
  weights: number[];
  bias: number;
}

/**
 * Full-batch gradient descent on the mean log loss plus l2/n × |w|² / 2 (bias not penalised), the
 * weights of `PENALTY_FEATURES` projected to ≤ 0 and those of `EVIDENCE_FEATURES` to ≥ 0 after each step.
 */
function fit(train: readonly Row[], l2: number): Fit {
  const d = COMBINER_FEATURES.length;
  const n = train.length;
  const means = new Array<number>(d).fill(0);
  const sds = new Array<number>(d).fill(0);
  for (const r of train) for (let j = 0; j < d; j++) means[j] = (means[j] as number) + (r.x[j] as number) / n;
  for (const r of train)
    for (let j = 0; j < d; j++)
      sds[j] = (sds[j] as number) + ((r.x[j] as number) - (means[j] as number)) ** 2 / n;
  for (let j = 0; j < d; j++) sds[j] = Math.sqrt(sds[j] as number) || 1;
  // Standardised rows in one flat typed array (same arithmetic, same order: same bits, several times faster).
  const z = new Float64Array(n * d);
  const ys = new Float64Array(n);
  train.forEach((r, i) => {
    ys[i] = r.y;
    for (let j = 0; j < d; j++)
      z[i * d + j] = ((r.x[j] as number) - (means[j] as number)) / (sds[j] as number);
  });
  const w = new Float64Array(d);
  let b = 0;
  const g = new Float64Array(d);
  const penalty = COMBINER_FEATURES.map((k) => PENALTY_FEATURES.has(k));
  const evidence = COMBINER_FEATURES.map((k) => EVIDENCE_FEATURES.has(k));
  for (let step = 0; step < STEPS; step++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const at = i * d;
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] as number) * (z[at + j] as number);
      const e = 1 / (1 + Math.exp(-s)) - (ys[i] as number);
      gb += e;
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + e * (z[at + j] as number);
    }
    for (let j = 0; j < d; j++) {
      const next = (w[j] as number) - RATE * (((g[j] as number) + l2 * (w[j] as number)) / n);
      // Projected step: evidence against a match never raises the probability.
      w[j] = penalty[j] === true ? Math.min(0, next) : evidence[j] === true ? Math.max(0, next) : next;
    }
    b -= (RATE * gb) / n;
  }
  return { means, sds, weights: [...w], bias: b };
}

function asModel(
  f: Fit,
  threshold: number,
  handFloor: number,
  l2: number,
  retrievalFloor = 0,
): ClaimCombinerModel {
  return {
    format: COMBINER_FORMAT,
    version: VERSION,
    features: [...COMBINER_FEATURES],
    ...f,
    threshold,
    handFloor,
    retrievalFloor,
    l2,
    trainingParts: [],
    crossValidation: [],
  };
}

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** P/R/F1 over posts in one setting (each reported candidate other than the expected one is a false positive). */
function score(
  which: ReadonlySet<number>,
  reported: (r: Row) => boolean,
  setting: Row['setting'] = 'full',
): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const found = new Set<number>();
  for (const r of rows) {
    if (r.setting !== setting || !which.has(r.post) || !reported(r)) continue;
    if (r.y === 1) {
      tp++;
      found.add(r.post);
    } else fp++;
  }
  for (const i of which) if (posts[i]?.expected !== null && !found.has(i)) fn++;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const prf3 = (p: Prf): Prf => ({ precision: r3(p.precision), recall: r3(p.recall), f1: r3(p.f1) });
const postsOf = (ps: readonly string[]): Set<number> =>
  new Set(posts.flatMap((p, i) => (ps.includes(p.split ?? 'unsplit') ? [i] : [])));

const l2 = Number(arg('l2', '1'));
if (!Number.isFinite(l2) || l2 < 0) throw new Error(`--l2: expected a number >= 0, got "${arg('l2', '1')}"`);
const out = arg('out', fileURLToPath(new URL('../models/claims-combiner.json', import.meta.url)));
const stanceOut = arg('stance-out', fileURLToPath(new URL('../models/claims-stance.json', import.meta.url)));

// Leave one part out: each row's probability from a model that never saw its part.
const oof = new Map<Row, number>();
for (const part of parts) {
  const m = asModel(
    fit(
      rows.filter((r) => posts[r.post]?.split !== part),
      l2,
    ),
    0.5,
    0,
    l2,
  );
  for (const r of rows) if (posts[r.post]?.split === part) oof.set(r, combinerProbability(m, r.x));
}
const oofP = (r: Row): number => Math.round((oof.get(r) ?? 0) * 1000) / 1000;

// Threshold: over the out-of-part predictions for the independent parts (text like what the matcher
// will meet: written by people who never read its code) against their own files' claims, the
// thresholds whose precision is at least `--precision` (default 0.94: a margin over the issue's 0.90
// for wording unlike ours) and whose F1 is within 0.01 of the best such F1; the middle of the longest
// run of them.
const targetPrecision = Number(arg('precision', '0.94'));
const everyPost = postsOf(parts);
const independentPosts = postsOf(INDEPENDENT);
const grid = Array.from({ length: 81 }, (_, i) => r3(0.1 + i * 0.01));
const sweep = grid.map((t) => ({ t, ...score(independentPosts, (r) => oofP(r) >= t, 'own') }));
const sweepFull = grid.map((t) => ({ t, ...score(independentPosts, (r) => oofP(r) >= t, 'full') }));
const precise = sweep.filter((s) => s.precision >= targetPrecision);
const pool = precise.length > 0 ? precise : sweep;
const bestF1 = Math.max(...pool.map((s) => s.f1));
const good = new Set(pool.filter((s) => s.f1 >= bestF1 - 0.01).map((s) => s.t));
let run: number[] = [];
let longest: number[] = [];
for (const t of grid) {
  if (good.has(t)) run.push(t);
  else run = [];
  if (run.length > longest.length) longest = [...run];
}
const threshold = longest[Math.floor((longest.length - 1) / 2)] as number;

// The hand gate: the model scores only candidates whose hand score reaches it (the others are never
// reported), so the matcher's bounds, which bound the hand score, prune exactly. The highest gate of
// the grid that costs at most 0.005 of pooled and of independent out-of-part F1.
const gated =
  (gate: number) =>
  (r: Row): boolean =>
    r.hand >= gate && oofP(r) >= threshold;
const gates = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3].map((gate) => ({
  gate,
  all: score(everyPost, gated(gate)).f1,
  independent: score(independentPosts, gated(gate), 'own').f1,
}));
const open = gates[0] as (typeof gates)[number];
const handFloor = Math.max(
  ...gates
    .filter((g) => g.all >= open.all - 0.005 && g.independent >= open.independent - 0.005)
    .map((g) => g.gate),
);

// The retrieval gate (checked before verification, so it saves most of the time on posts that share
// only common words with claims): with the hand gate above, the highest of the grid that costs at most
// 0.005 of pooled and of independent out-of-part F1 against the hand gate alone.
const RETRIEVAL_SHARE = COMBINER_FEATURES.indexOf('retrievalShare');
const floors = [0, 0.05, 0.1, 0.15, 0.2, 0.25].map((floor) => {
  const keep = (r: Row): boolean => (r.x[RETRIEVAL_SHARE] as number) >= floor && gated(handFloor)(r);
  return { floor, all: score(everyPost, keep).f1, independent: score(independentPosts, keep, 'own').f1 };
});
const handOnly = floors[0] as (typeof floors)[number];
const retrievalFloor = Math.max(
  ...floors
    .filter((g) => g.all >= handOnly.all - 0.005 && g.independent >= handOnly.independent - 0.005)
    .map((g) => g.floor),
  0,
);
const reported = (r: Row): boolean =>
  (r.x[RETRIEVAL_SHARE] as number) >= retrievalFloor && gated(handFloor)(r);

const OWN = ' (own registry)';
const crossValidation: PartFigures[] = [...parts, 'independent', 'all', `independent${OWN}`, `all${OWN}`].map(
  (part) => {
    const setting: Row['setting'] = part.endsWith(OWN) ? 'own' : 'full';
    const name = part.replace(OWN, '');
    const which = name === 'all' ? everyPost : postsOf(name === 'independent' ? INDEPENDENT : [name]);
    return {
      part,
      posts: which.size,
      hand: prf3(score(which, (r) => r.hand >= DEFAULT_CLAIM_THRESHOLD, setting)),
      model: prf3(score(which, reported, setting)),
    };
  },
);

// The final model on every part.
const final = asModel(fit(rows, l2), threshold, handFloor, l2, retrievalFloor);
const accepted = rows.filter((r) => Math.round(combinerProbability(final, r.x) * 1000) / 1000 >= threshold);
const lowestHand = Math.min(...accepted.map((r) => r.hand));
final.trainingParts = parts;
final.crossValidation = crossValidation;
const rounded: ClaimCombinerModel = {
  ...final,
  means: final.means.map((v) => Number(v.toPrecision(8))),
  sds: final.sds.map((v) => Number(v.toPrecision(8))),
  weights: final.weights.map((v) => Number(v.toPrecision(8))),
  bias: Number(final.bias.toPrecision(8)),
};
parseCombiner(rounded, 'trained model');
writeFileSync(out, `${JSON.stringify(rounded, null, 2)}\n`);
writeFileSync(stanceOut, `${JSON.stringify(finalStance)}\n`);

const fmt = (p: Prf): string => `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`;
console.log(`${rows.length} candidates from ${posts.length} posts, ${registry.length} claims; l2 ${l2}`);
console.log('leave-one-part-out (hand formula at 0.45 | model at its threshold):');
for (const c of crossValidation)
  console.log(
    `  ${c.part.padEnd(28)} ${String(c.posts).padStart(4)}  hand ${fmt(c.hand)} | model ${fmt(c.model)}`,
  );
console.log(
  `threshold ${threshold} (F1 within 0.01 of ${bestF1.toFixed(3)} with own-registry independent P >= ${targetPrecision}: ${longest[0]}–${longest[longest.length - 1]})`,
);
console.log(
  `sweep, full registry: ${sweepFull
    .filter((s) => Math.round(s.t * 100) % 5 === 0)
    .map((s) => `${s.t.toFixed(2)} P${s.precision.toFixed(2)} R${s.recall.toFixed(2)}`)
    .join('; ')}`,
);
console.log(
  `sweep, own registry: ${sweep
    .filter((s) => Math.round(s.t * 100) % 5 === 0)
    .map((s) => `${s.t.toFixed(2)} P${s.precision.toFixed(2)} R${s.recall.toFixed(2)}`)
    .join('; ')}`,
);
console.log(
  `hand gate ${handFloor} (out-of-part F1 all / independent by gate: ${gates.map((g) => `${g.gate} ${g.all.toFixed(3)}/${g.independent.toFixed(3)}`).join('; ')}); lowest hand score the ungated final model accepts: ${lowestHand}`,
);
const order = final.weights
  .map((w, j) => ({ w, name: COMBINER_FEATURES[j] as string }))
  .sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
console.log(
  `retrieval gate ${retrievalFloor} (out-of-part F1 all / independent by gate: ${floors.map((g) => `${g.floor} ${g.all.toFixed(3)}/${g.independent.toFixed(3)}`).join('; ')})`,
);
console.log(`weights (standardised): ${order.map((o) => `${o.name} ${o.w.toFixed(2)}`).join(', ')}`);
console.log(`wrote ${out} and ${stanceOut} (${Object.keys(finalStance.terms).length} stance terms)`);
