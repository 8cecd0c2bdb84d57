/**
 * The learned combiner (issue #6, sixth round): a standardised L2 logistic regression over the
 * verifier's factors (`ClaimFactors`) and measurements, trained by `scripts/train-claims-combiner.ts`
 * on every labelled part and shipped as `models/claims-combiner.json`. The hand formula stays one of
 * its features. Reading the model file is the only file access here (a read-only package asset).
 */
import { loadBundledJson } from '../classifier/bundled.js';
import { SURFACE_FEATURES } from './surface.js';
import type { ClaimMatch } from './types.js';

export const COMBINER_FILE = 'claims-combiner.json';
export const COMBINER_FORMAT = 'kiemtin-claims-combiner/1';

/**
 * Feature names in vector order. `rank0` and `gap` compare a candidate with the post's other candidates
 * (by hand score): they read only candidates at or above the model's hand floor, so pruning below the
 * floor changes neither.
 */
export const COMBINER_FEATURES = [
  'hand',
  'hand2',
  'base',
  'coverage',
  'core',
  'bigrams',
  'anchors',
  'order',
  'coverageXanchors',
  'retrievalShare',
  'numbersAgree',
  'numbersChanged',
  'numbersAbsent',
  'farNumbers',
  'namesMissing',
  'otherName',
  'negatedShare',
  'negated',
  'denied',
  'hasPredicate',
  'predicateMissing',
  'outcomeMissing',
  'otherPredicate',
  'opposite',
  'substitutedShare',
  'halfMissing',
  'reasonMissing',
  'otherReason',
  'otherTime',
  'pastForFuture',
  'partScope',
  'anotherNamePenalty',
  'debunkStrong',
  'debunkWeak',
  'question',
  'chain',
  'rank0',
  'gap',
  ...SURFACE_FEATURES,
  'stance',
] as const;
export type CombinerFeature = (typeof COMBINER_FEATURES)[number];

/**
 * Evidence against a match: the trainer keeps these weights at or below zero, so a denial, a debunk cue,
 * a question or a replaced element can only lower the probability, whatever correlations the labelled
 * parts hold (unconstrained, a negation share that repeats also carry weighed for a match).
 */
export const PENALTY_FEATURES: ReadonlySet<CombinerFeature> = new Set<CombinerFeature>([
  'numbersChanged',
  'farNumbers',
  'namesMissing',
  'otherName',
  'negatedShare',
  'negated',
  'denied',
  'predicateMissing',
  'outcomeMissing',
  'otherPredicate',
  'opposite',
  'substitutedShare',
  'halfMissing',
  'reasonMissing',
  'otherReason',
  'otherTime',
  'pastForFuture',
  'partScope',
  'anotherNamePenalty',
  'debunkStrong',
  'debunkWeak',
  'question',
  'gap',
  'numExtra',
]);

/**
 * Context that is neither for nor against a match by itself (the claim has a number or a predicate, the
 * post's length, a chain-message cue, numbers left out): the trainer leaves these weights free.
 */
export const NEUTRAL_FEATURES: ReadonlySet<CombinerFeature> = new Set<CombinerFeature>([
  'numbersAbsent',
  'hasPredicate',
  'chain',
  'logLen',
  'lenRatio',
  'claimHasNum',
]);

/**
 * Evidence for a match, every feature neither a penalty nor neutral: the trainer keeps these weights at
 * or above zero, so saying more of the claim never lowers the probability (a verbatim repeat scores at
 * least as high as any paraphrase; fitted freely, overlapping measures such as word pairs took negative
 * weights and a verbatim copy of a claim in a one-claim registry scored 0.05).
 */
export const EVIDENCE_FEATURES: ReadonlySet<CombinerFeature> = new Set<CombinerFeature>(
  COMBINER_FEATURES.filter((k) => !PENALTY_FEATURES.has(k) && !NEUTRAL_FEATURES.has(k)),
);

export interface PartFigures {
  part: string;
  posts: number;
  hand: { precision: number; recall: number; f1: number };
  model: { precision: number; recall: number; f1: number };
}

/** What `models/claims-combiner.json` holds. */
export interface ClaimCombinerModel {
  format: typeof COMBINER_FORMAT;
  version: number;
  features: CombinerFeature[];
  means: number[];
  sds: number[];
  weights: number[];
  bias: number;
  /** Probability at or above which a candidate is reported. */
  threshold: number;
  /**
   * The hand gate: candidates whose hand score is below it are never scored nor reported, so the
   * matcher's bounds (upper bounds of the hand score) prune exactly. Chosen by the trainer from the
   * out-of-part figures (the highest gate that costs at most 0.005 of F1).
   */
  handFloor: number;
  /**
   * The retrieval gate: candidates whose retrieval share (`retrievalShare`: retrieval score over the
   * claim's score against its own text) is below it are never verified nor reported — a post sharing only
   * common words with a claim costs no verification. Chosen by the trainer like the hand gate.
   */
  retrievalFloor: number;
  l2: number;
  trainingParts: string[];
  /** Leave-one-part-out figures at `threshold` (each part scored by a model that did not see it). */
  crossValidation: PartFigures[];
}

/** The feature vector of one candidate; `rank` is its place among the post's candidates by hand score. */
export function combinerFeatures(
  m: Pick<ClaimMatch, 'features' | 'factors'>,
  rank: number,
  bestHand: number,
): number[] {
  const f = m.factors;
  const x = m.features;
  const v: Record<CombinerFeature, number> = {
    hand: f.hand,
    hand2: f.hand * f.hand,
    base: f.base,
    coverage: x.coverage,
    core: x.core,
    bigrams: x.bigrams,
    anchors: x.anchors,
    order: x.order,
    coverageXanchors: x.coverage * x.anchors,
    retrievalShare: f.retrievalShare,
    numbersAgree: x.numbers === 'agree' ? 1 : 0,
    numbersChanged: x.numbers === 'changed' ? 1 : 0,
    numbersAbsent: x.numbers === 'absent' ? 1 : 0,
    farNumbers: f.xFarNumbers < 1 ? 1 : 0,
    namesMissing: 1 - f.namesShare,
    otherName: f.otherName,
    negatedShare: f.negatedShare,
    negated: f.xNegated < 1 ? 1 : 0,
    denied: f.xDenied < 1 ? 1 : 0,
    hasPredicate: f.hasPredicate,
    predicateMissing: 1 - f.predicateShare,
    outcomeMissing: f.outcomeMissing,
    otherPredicate: f.otherPredicate,
    opposite: f.xOpposite < 1 ? 1 : 0,
    substitutedShare: f.substitutedShare,
    halfMissing: 1 - f.xHalf, // × (0.5 + balance) when applied: 0.5 − balance
    reasonMissing: f.xReason < 1 ? 1 - f.reasonShare : 0,
    otherReason: f.otherReason,
    otherTime: f.xTime < 1 ? 1 : 0,
    pastForFuture: f.xTense < 1 ? 1 : 0,
    partScope: f.xScope < 1 ? 1 : 0,
    anotherNamePenalty: f.xOtherName < 1 ? 1 : 0,
    debunkStrong: f.debunkStrong,
    debunkWeak: f.debunkWeak,
    question: f.xQuestion < 1 ? 1 : 0,
    chain: f.chain,
    rank0: rank === 0 ? 1 : 0,
    gap: bestHand - f.hand,
    ...f.surface,
    stance: f.stance,
  };
  return COMBINER_FEATURES.map((k) => v[k]);
}

/** Standardised feature times weight, per feature: what moved the probability from the average candidate. */
export function contributions(model: ClaimCombinerModel, x: readonly number[]): number[] {
  return model.weights.map((w, i) => (w * ((x[i] ?? 0) - (model.means[i] ?? 0))) / (model.sds[i] ?? 1));
}

/** The model's probability for one feature vector. */
export function combinerProbability(model: ClaimCombinerModel, x: readonly number[]): number {
  let z = model.bias;
  for (const c of contributions(model, x)) z += c;
  return 1 / (1 + Math.exp(-z));
}

function fail(where: string, what: string): never {
  throw new Error(`claims combiner ${where}: ${what}`);
}

/** Checks a parsed model file; the error names the field. */
export function parseCombiner(json: unknown, where = COMBINER_FILE): ClaimCombinerModel {
  if (typeof json !== 'object' || json === null) fail(where, 'not a JSON object');
  const m = json as Record<string, unknown>;
  if (m.format !== COMBINER_FORMAT) fail(where, `field "format" must be "${COMBINER_FORMAT}"`);
  const nums = (k: string): number[] => {
    const v = m[k];
    if (
      !Array.isArray(v) ||
      v.length !== COMBINER_FEATURES.length ||
      v.some((x) => typeof x !== 'number' || !Number.isFinite(x))
    )
      fail(where, `field "${k}" must be ${COMBINER_FEATURES.length} finite numbers`);
    return v as number[];
  };
  const feats = m.features;
  if (!Array.isArray(feats) || feats.join(',') !== COMBINER_FEATURES.join(','))
    fail(where, `field "features" must list ${COMBINER_FEATURES.join(', ')} in this order`);
  nums('means');
  if (nums('sds').some((x) => x <= 0)) fail(where, 'field "sds" must be positive');
  nums('weights');
  for (const k of ['bias', 'threshold', 'handFloor', 'retrievalFloor', 'version', 'l2']) {
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k]))
      fail(where, `field "${k}" must be a finite number`);
  }
  if ((m.threshold as number) <= 0 || (m.threshold as number) >= 1)
    fail(where, 'field "threshold" must be in (0, 1)');
  if ((m.handFloor as number) < 0 || (m.handFloor as number) >= 1)
    fail(where, 'field "handFloor" must be in [0, 1)');
  if ((m.retrievalFloor as number) < 0 || (m.retrievalFloor as number) >= 1)
    fail(where, 'field "retrievalFloor" must be in [0, 1)');
  if (!Array.isArray(m.trainingParts) || m.trainingParts.some((x) => typeof x !== 'string'))
    fail(where, 'field "trainingParts" must be strings');
  if (!Array.isArray(m.crossValidation)) fail(where, 'field "crossValidation" must be an array');
  return m as unknown as ClaimCombinerModel;
}

/** The shipped model (`models/claims-combiner.json`), or null when the package has none. Cached. */
export function bundledCombiner(): ClaimCombinerModel | null {
  return loadBundledJson(COMBINER_FILE, parseCombiner);
}
