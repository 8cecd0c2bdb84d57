/**
 * Deterministic training: multinomial logistic regression with AdaGrad and L2 over hashed n-grams,
 * class weights for rare labels, then k-fold out-of-fold predictions on the training set to fit the
 * softmax temperature (calibration) and the per-label decision offsets (macro-F1). The dev split is
 * never touched here; it is only for evaluating the result.
 */
import { FeatureExtractor } from './features.js';
import type { FeatureConfig } from './features.js';
import { accumulateLogits, decide, softmax } from './linear.js';
import type { LinearModel } from './linear.js';
import { macroF1 } from './metrics.js';
import { seededRandom } from '../../core/random.js';

export interface LabelledTexts {
  texts: string[];
  /** Label index per text. */
  labels: Uint8Array;
}

export interface TrainOptions {
  features: FeatureConfig;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weight = (n / (K · n_c))^power: 0 = unweighted, 1 = fully balanced. */
  classWeightPower: number;
  /** Folds for the out-of-fold predictions used to calibrate (≥ 2). */
  folds: number;
  /**
   * The shipped weights: one fit on all of train ('full'), or the mean of the fold models ('average'),
   * a bagged model of the same size and speed that saves the final fit.
   */
  final: 'full' | 'average';
  seed: number;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'features'> = {
  epochs: 4,
  learningRate: 0.1,
  l2: 1e-5,
  classWeightPower: 0.5,
  folds: 5,
  final: 'average',
  seed: 20240611,
};

/** Texts turned into feature indices once, so that epochs and folds reuse them. */
export interface EncodedTexts {
  /** Features of text i are features[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  features: Int32Array;
  labels: Uint8Array;
}

/** Extracts the features of every text. */
export function encodeTexts(extractor: FeatureExtractor, data: LabelledTexts): EncodedTexts {
  const n = data.texts.length;
  const offsets = new Int32Array(n + 1);
  let features = new Int32Array(1 << 20);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const idx = extractor.extract(data.texts[i]!);
    if (used + idx.length > features.length) {
      const grown = new Int32Array(Math.max(features.length * 2, used + idx.length));
      grown.set(features.subarray(0, used));
      features = grown;
    }
    features.set(idx, used);
    used += idx.length;
    offsets[i + 1] = used;
  }
  return { offsets, features: features.slice(0, used), labels: data.labels };
}

/** The project's seeded PRNG (mulberry32), under the name training code uses. */
export const createRandom = seededRandom;

function shuffle(rows: Int32Array, random: () => number): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = t;
  }
}

interface Fitted {
  weights: Float32Array;
  bias: Float32Array;
}

/** Fits weights on the given rows of the encoded data. */
export function fitWeights(
  data: EncodedTexts,
  rows: Int32Array,
  k: number,
  buckets: number,
  opts: Omit<TrainOptions, 'features' | 'folds'>,
): Fitted {
  const weights = new Float32Array(buckets * k);
  const gsq = new Float32Array(buckets * k);
  const bias = new Float32Array(k);
  const bsq = new Float64Array(k);
  const counts = new Float64Array(k);
  for (const r of rows) counts[data.labels[r]!]!++;
  const classWeight = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    classWeight[c] = counts[c] === 0 ? 0 : Math.pow(rows.length / (k * counts[c]!), opts.classWeightPower);
  }
  const order = Int32Array.from(rows);
  const random = createRandom(opts.seed);
  const logits = new Float64Array(k);
  const probs = new Float64Array(k);
  const grad = new Float64Array(k);
  const { learningRate: lr, l2 } = opts;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    for (const r of order) {
      const start = data.offsets[r]!;
      const end = data.offsets[r + 1]!;
      const idx = data.features.subarray(start, end);
      const scale = accumulateLogits(weights, bias, idx, idx.length, logits);
      softmax(logits, 1, probs);
      const y = data.labels[r]!;
      const cw = classWeight[y]!;
      for (let c = 0; c < k; c++) {
        const g = (probs[c]! - (c === y ? 1 : 0)) * cw;
        grad[c] = g;
        bsq[c]! += g * g;
        bias[c]! -= (lr * g) / Math.sqrt(bsq[c]! + 1e-8);
      }
      for (let i = 0; i < idx.length; i++) {
        const base = idx[i]! * k;
        for (let c = 0; c < k; c++) {
          const p = base + c;
          const w = weights[p]!;
          const g = grad[c]! * scale + l2 * w;
          const acc = gsq[p]! + g * g;
          gsq[p] = acc;
          weights[p] = w - (lr * g) / Math.sqrt(acc + 1e-8);
        }
      }
    }
  }
  return { weights, bias };
}

/** Raw logits (before temperature) of the given rows, flattened rows × k. */
export function predictLogits(data: EncodedTexts, rows: Int32Array, fitted: Fitted, k: number): Float64Array {
  const out = new Float64Array(rows.length * k);
  const logits = new Float64Array(k);
  rows.forEach((r, i) => {
    const idx = data.features.subarray(data.offsets[r]!, data.offsets[r + 1]!);
    accumulateLogits(fitted.weights, fitted.bias, idx, idx.length, logits);
    out.set(logits, i * k);
  });
  return out;
}

/** Temperature that minimises the negative log-likelihood of held-out logits (golden-section on log T). */
export function fitTemperature(logits: Float64Array, gold: Uint8Array, k: number): number {
  const probs = new Float64Array(k);
  const nll = (logT: number): number => {
    const t = Math.exp(logT);
    let sum = 0;
    for (let i = 0; i < gold.length; i++) {
      softmax(logits.subarray(i * k, i * k + k), t, probs);
      sum -= Math.log(Math.max(probs[gold[i]!]!, 1e-12));
    }
    return sum;
  };
  let a = Math.log(0.05);
  let b = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  for (let it = 0; it < 40; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = nll(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = nll(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/** Per-label offsets on log-probabilities that maximise macro-F1 on held-out predictions (coordinate search). */
export function fitOffsets(probs: Float64Array, gold: Uint8Array, k: number): Float32Array {
  const offsets = new Float32Array(k);
  const predicted = new Uint8Array(gold.length);
  const score = (): number => {
    for (let i = 0; i < gold.length; i++) predicted[i] = decide(probs.subarray(i * k, i * k + k), offsets);
    return macroF1(k, gold, predicted);
  };
  let best = score();
  for (let round = 0; round < 3; round++) {
    for (let c = 1; c < k; c++) {
      let bestValue = offsets[c]!;
      for (let v = -3; v <= 3.0001; v += 0.1) {
        offsets[c] = v;
        const s = score();
        // Prefer the smaller shift on ties so the offsets stay near plain arg-max.
        if (s > best + 1e-9 || (Math.abs(s - best) <= 1e-9 && Math.abs(v) < Math.abs(bestValue))) {
          best = s;
          bestValue = v;
        }
      }
      offsets[c] = bestValue;
    }
  }
  return offsets;
}

export interface TrainReport {
  /** Macro-F1 of the out-of-fold predictions on train, with the fitted temperature and offsets. */
  cvMacroF1: number;
  /** Same predictions with plain arg-max. */
  cvMacroF1Argmax: number;
  temperature: number;
  offsets: number[];
}

/** Trains a complete model: k-fold calibration on train, then the final fit on all of train. */
export function trainModel(
  name: string,
  labels: string[],
  data: LabelledTexts,
  opts: TrainOptions,
  log: (line: string) => void = () => {},
  keyOf?: (raw: string) => string,
): { model: LinearModel; report: TrainReport } {
  const k = labels.length;
  const extractor = new FeatureExtractor(opts.features, keyOf);
  const encoded = encodeTexts(extractor, data);
  log(`features: ${encoded.features.length} hashed n-grams over ${data.texts.length} texts`);
  const n = data.texts.length;
  // Deterministic fold assignment: shuffled indices, dealt round-robin.
  const all = Int32Array.from({ length: n }, (_, i) => i);
  shuffle(all, createRandom(opts.seed ^ 0x5bd1e995));
  const fold = new Uint8Array(n);
  all.forEach((r, i) => {
    fold[r] = i % opts.folds;
  });
  const oofLogits = new Float64Array(n * k);
  const sum: Fitted = { weights: new Float32Array(extractor.buckets * k), bias: new Float32Array(k) };
  for (let f = 0; f < opts.folds; f++) {
    const trainRows = all.filter((r) => fold[r] !== f);
    const heldRows = all.filter((r) => fold[r] === f);
    const fitted = fitWeights(encoded, trainRows, k, extractor.buckets, { ...opts, seed: opts.seed + f + 1 });
    if (opts.final === 'average') {
      for (let i = 0; i < sum.weights.length; i++) sum.weights[i]! += fitted.weights[i]! / opts.folds;
      for (let c = 0; c < k; c++) sum.bias[c]! += fitted.bias[c]! / opts.folds;
    }
    const logits = predictLogits(encoded, heldRows, fitted, k);
    heldRows.forEach((r, i) => oofLogits.set(logits.subarray(i * k, i * k + k), r * k));
    log(`fold ${f + 1}/${opts.folds} done`);
  }
  const temperature = fitTemperature(oofLogits, data.labels, k);
  const probs = new Float64Array(n * k);
  const p = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    softmax(oofLogits.subarray(i * k, i * k + k), temperature, p);
    probs.set(p, i * k);
  }
  const offsets = fitOffsets(probs, data.labels, k);
  const zero = new Float32Array(k);
  const argmaxPred = new Uint8Array(n);
  const tunedPred = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = probs.subarray(i * k, i * k + k);
    argmaxPred[i] = decide(row, zero);
    tunedPred[i] = decide(row, offsets);
  }
  const report: TrainReport = {
    cvMacroF1: macroF1(k, data.labels, tunedPred),
    cvMacroF1Argmax: macroF1(k, data.labels, argmaxPred),
    temperature,
    offsets: [...offsets],
  };
  log(
    `out-of-fold macro-F1 ${report.cvMacroF1.toFixed(4)} (arg-max ${report.cvMacroF1Argmax.toFixed(4)}), T=${temperature.toFixed(3)}`,
  );
  const fitted = opts.final === 'average' ? sum : fitWeights(encoded, all, k, extractor.buckets, opts);
  const model: LinearModel = {
    name,
    version: `${name}-${weightsDigest(fitted.weights)}`,
    labels,
    features: opts.features,
    weights: fitted.weights,
    bias: fitted.bias,
    temperature,
    offsets,
    meta: {},
  };
  return { model, report };
}

/** A short content digest of the weights (the model version changes when they do). */
export function weightsDigest(weights: Float32Array): string {
  let h = 0x811c9dc5 | 0;
  const bytes = new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
