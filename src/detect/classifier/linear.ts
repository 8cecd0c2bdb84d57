/**
 * The runtime of a trained classifier: a multinomial logistic regression over hashed n-grams, with
 * temperature-scaled (calibrated) probabilities and per-label decision offsets tuned for macro-F1.
 */
import { FeatureExtractor } from './features.js';
import type { FeatureConfig } from './features.js';

export interface LinearModel {
  /** Model name, e.g. "hate-speech". */
  name: string;
  /** Changes whenever the weights change; findings carry it. */
  version: string;
  labels: string[];
  features: FeatureConfig;
  /** buckets × labels, row-major: weights[bucket * labels.length + k]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Logits are divided by this before the softmax, fitted on held-out predictions. */
  temperature: number;
  /** Added to log-probabilities before the arg-max that picks the label (0 for plain arg-max). */
  offsets: Float32Array;
  /** Training facts for the model card (data, hyper-parameters, metrics). */
  meta: Record<string, unknown>;
  /**
   * The int8 form of `weights` when loaded from a file: codes + 128 and the value of each code.
   * Inference reads these: a quarter of the memory, so far fewer cache misses on random buckets.
   */
  quantised?: { codes: Uint8Array; table: Float32Array };
}

export interface Prediction {
  label: string;
  /** Calibrated probability per label; sums to 1. */
  scores: Record<string, number>;
}

export interface TopFeature {
  ngram: string;
  /** Contribution to the predicted label's logit, relative to the mean over labels. */
  weight: number;
}

/** Adds the features' weights into `out` (length K) and returns the feature scale used. */
export function accumulateLogits(
  weights: Float32Array,
  bias: Float32Array,
  idx: ArrayLike<number>,
  count: number,
  out: Float64Array,
): number {
  const k = bias.length;
  for (let c = 0; c < k; c++) out[c] = 0;
  if (k === 2) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < count; i++) {
      const base = idx[i]! * 2;
      a += weights[base]!;
      b += weights[base + 1]!;
    }
    out[0] = a;
    out[1] = b;
  } else if (k === 3) {
    let a = 0;
    let b = 0;
    let c3 = 0;
    for (let i = 0; i < count; i++) {
      const base = idx[i]! * 3;
      a += weights[base]!;
      b += weights[base + 1]!;
      c3 += weights[base + 2]!;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c3;
  } else {
    for (let i = 0; i < count; i++) {
      const base = idx[i]! * k;
      for (let c = 0; c < k; c++) out[c]! += weights[base + c]!;
    }
  }
  const scale = featureScale(count);
  for (let c = 0; c < k; c++) out[c] = out[c]! * scale + bias[c]!;
  return scale;
}

/** `accumulateLogits` over int8 codes (see LinearModel.quantised). */
export function accumulateQuantised(
  codes: Uint8Array,
  table: Float32Array,
  bias: Float32Array,
  idx: ArrayLike<number>,
  count: number,
  out: Float64Array,
): void {
  const k = bias.length;
  for (let c = 0; c < k; c++) out[c] = 0;
  if (k === 3) {
    let a = 0;
    let b = 0;
    let c3 = 0;
    for (let i = 0; i < count; i++) {
      const base = idx[i]! * 3;
      a += table[codes[base]!]!;
      b += table[codes[base + 1]!]!;
      c3 += table[codes[base + 2]!]!;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c3;
  } else {
    for (let i = 0; i < count; i++) {
      const base = idx[i]! * k;
      for (let c = 0; c < k; c++) out[c]! += table[codes[base + c]!]!;
    }
  }
  const scale = featureScale(count);
  for (let c = 0; c < k; c++) out[c] = out[c]! * scale + bias[c]!;
}

/** Documents of different lengths get comparable logits: features are weighted 1/sqrt(count). */
export function featureScale(count: number): number {
  return count === 0 ? 0 : 1 / Math.sqrt(count);
}

/** Softmax of logits / temperature, in place into `out`. */
export function softmax(logits: ArrayLike<number>, temperature: number, out: Float64Array): void {
  const k = out.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, logits[c]! / temperature);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(logits[c]! / temperature - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
}

/** Arg-max of log(p) + offset. */
export function decide(probs: ArrayLike<number>, offsets: ArrayLike<number>): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let c = 0; c < probs.length; c++) {
    const v = Math.log(Math.max(probs[c]!, 1e-12)) + (offsets[c] ?? 0);
    if (v > bestValue) {
      bestValue = v;
      best = c;
    }
  }
  return best;
}

/** A loaded model ready to classify; one instance reuses buffers, so share it within one thread only. */
export class TextClassifier {
  readonly model: LinearModel;
  private readonly extractor: FeatureExtractor;
  private readonly logitsBuf: Float64Array;
  private readonly probsBuf: Float64Array;
  private sharedKey: string | null | undefined = undefined;

  /** `keyOf` is needed only by models trained with matching-key features (none of the shipped ones). */
  constructor(model: LinearModel, keyOf?: (raw: string) => string) {
    this.model = model;
    this.extractor = new FeatureExtractor(model.features, keyOf);
    const k = model.labels.length;
    if (model.weights.length !== this.extractor.buckets * k || model.bias.length !== k) {
      throw new RangeError(`model ${model.name}: weights do not match ${this.extractor.buckets} buckets × ${k} labels`);
    }
    this.logitsBuf = new Float64Array(k);
    this.probsBuf = new Float64Array(k);
  }

  get labels(): string[] {
    return this.model.labels;
  }

  /**
   * Identifies the feature configuration when it depends on nothing but the text (no matching key):
   * models with equal keys hash a text into the same features, so one extraction serves them all.
   */
  get featureKey(): string | null {
    if (this.sharedKey === undefined) {
      const f = this.model.features;
      this.sharedKey = (f.keyNgrams ?? 0) > 0 || f.keyChars === true ? null : JSON.stringify(f);
    }
    return this.sharedKey;
  }

  /** Hashed feature indices of `text`: a view into a reused buffer (copy it to keep it). */
  features(text: string): Int32Array {
    return this.extractor.extract(text);
  }

  /** Calibrated probabilities into a reused array (fast path for batch scoring). */
  probabilities(text: string): Float64Array {
    return this.probabilitiesOf(this.extractor.extract(text));
  }

  /** `probabilities` from features already extracted (with this model's configuration). */
  probabilitiesOf(idx: Int32Array): Float64Array {
    const q = this.model.quantised;
    if (q !== undefined) accumulateQuantised(q.codes, q.table, this.model.bias, idx, idx.length, this.logitsBuf);
    else accumulateLogits(this.model.weights, this.model.bias, idx, idx.length, this.logitsBuf);
    softmax(this.logitsBuf, this.model.temperature, this.probsBuf);
    return this.probsBuf;
  }

  /**
   * The prediction from per-label sums of quantised weights over `count` features (sums[offset + c]
   * for label c), as `accumulateQuantised` leaves them before scaling: used by a ClassifierBank.
   */
  predictFromSums(sums: Float64Array, offset: number, count: number): Prediction {
    const k = this.model.labels.length;
    const scale = featureScale(count);
    for (let c = 0; c < k; c++) this.logitsBuf[c] = sums[offset + c]! * scale + this.model.bias[c]!;
    softmax(this.logitsBuf, this.model.temperature, this.probsBuf);
    return this.predictionOf(this.probsBuf);
  }

  /** Index of the decided label for these probabilities. */
  decideIndex(probs: ArrayLike<number>): number {
    return decide(probs, this.model.offsets);
  }

  /** Label and calibrated scores for one text. */
  classify(text: string): Prediction {
    return this.predict(this.extractor.extract(text));
  }

  /** `classify` from features already extracted (with this model's configuration). */
  predict(idx: Int32Array): Prediction {
    return this.predictionOf(this.probabilitiesOf(idx));
  }

  private predictionOf(probs: Float64Array): Prediction {
    const scores: Record<string, number> = {};
    this.model.labels.forEach((label, c) => {
      scores[label] = probs[c]!;
    });
    return { label: this.model.labels[this.decideIndex(probs)]!, scores };
  }

  /**
   * The word n-grams that pushed hardest towards `label` (default: the decided label), strongest first.
   * A feature's weight is its share of the logit for the label minus its mean share over all labels.
   * Folded-word features count towards the words they fold, and character n-grams are shared out
   * among the words they overlap, so a reviewer reads words ("đồ ngu"), not fragments ("ồ n").
   */
  explain(text: string, limit = 5, label?: string): TopFeature[] {
    const k = this.model.labels.length;
    const target = this.model.labels.indexOf(label ?? this.classify(text).label);
    if (target < 0) return [];
    const traced = this.extractor.traced(text, false);
    const scale = featureScale(traced.length);
    const contribution = (bucket: number): number => {
      const base = bucket * k;
      let mean = 0;
      for (let c = 0; c < k; c++) mean += this.model.weights[base + c]!;
      return (this.model.weights[base + target]! - mean / k) * scale;
    };
    // Word spans, keyed by start·W + end; the word unigrams give the span of each stream position.
    let width = 1;
    for (const f of traced) width = Math.max(width, f.end + 1);
    const spanKey = (start: number, end: number): number => start * width + end;
    const spans = new Map<number, { ngram: string; weight: number }>();
    const tokenAt = new Float64Array(width).fill(-1);
    for (const f of traced) {
      if (f.kind !== 'word' && f.kind !== 'folded-word') continue;
      const key = spanKey(f.start, f.end);
      let span = spans.get(key);
      if (span === undefined) {
        span = { ngram: '', weight: 0 };
        spans.set(key, span);
      }
      if (f.kind === 'word') span.ngram = f.ngram;
      if (!f.ngram.includes(' ')) for (let p = f.start; p < f.end; p++) tokenAt[p] = key;
    }
    const loose = new Map<string, number>();
    const owners: number[] = [];
    for (const f of traced) {
      const w = contribution(f.bucket);
      if (f.kind === 'key') {
        loose.set(f.ngram, (loose.get(f.ngram) ?? 0) + w);
        continue;
      }
      if (f.kind === 'word' || f.kind === 'folded-word') {
        spans.get(spanKey(f.start, f.end))!.weight += w;
        continue;
      }
      // A character n-gram is shared out among the (at most a few) words it overlaps.
      owners.length = 0;
      for (let p = f.start; p < f.end; p++) {
        const owner = tokenAt[p]!;
        if (owner >= 0 && !owners.includes(owner)) owners.push(owner);
      }
      for (const owner of owners) spans.get(owner)!.weight += w / owners.length;
    }
    // The same words appearing twice add up.
    const byNgram = new Map<string, number>(loose);
    for (const { ngram, weight } of spans.values()) {
      if (ngram !== '') byNgram.set(ngram, (byNgram.get(ngram) ?? 0) + weight);
    }
    return [...byNgram.entries()]
      .map(([ngram, weight]) => ({ ngram: ngram.trim(), weight }))
      .filter((f) => f.weight > 0 && f.ngram !== '')
      .sort((a, b) => b.weight - a.weight || (a.ngram < b.ngram ? -1 : 1))
      .slice(0, limit);
  }
}
