import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from './features.js';
import { TextClassifier } from './linear.js';
import { evaluate } from './metrics.js';
import { SYNTHETIC_LABELS, syntheticCorpus } from './testing.js';
import { DEFAULT_TRAIN, fitOffsets, fitTemperature, trainModel } from './train.js';
import type { TrainOptions } from './train.js';

const options: TrainOptions = { ...DEFAULT_TRAIN, folds: 2, epochs: 3, features: { ...DEFAULT_FEATURES, bits: 14 } };

describe('trainModel', () => {
  const train = syntheticCorpus(300, 1);
  const { model, report } = trainModel('hate-speech', SYNTHETIC_LABELS, train, options);

  it('learns the classes and generalises to unseen texts, with or without diacritics', () => {
    const test = syntheticCorpus(150, 2);
    const clf = new TextClassifier(model);
    const predicted = test.texts.map((t) => clf.decideIndex(clf.probabilities(t)));
    expect(evaluate(SYNTHETIC_LABELS, test.labels, predicted).macroF1).toBeGreaterThan(0.95);
    expect(clf.classify('mọi người xem video nay do ngu').label).toBe('offensive');
    expect(report.cvMacroF1).toBeGreaterThan(0.9);
  });

  it('returns probabilities that sum to one', () => {
    const clf = new TextClassifier(model);
    const { scores } = clf.classify('bài viết này rất hay');
    expect(Object.keys(scores)).toEqual(SYNTHETIC_LABELS);
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('is deterministic for a seed', () => {
    const again = trainModel('hate-speech', SYNTHETIC_LABELS, train, options).model;
    expect(again.version).toBe(model.version);
    const other = trainModel('hate-speech', SYNTHETIC_LABELS, train, { ...options, seed: 7 }).model;
    expect(other.version).not.toBe(model.version);
  });

  it('explains with the marker n-grams of the predicted label', () => {
    const clf = new TextClassifier(model);
    const top = clf.explain('hôm nay trời đẹp lũ bắc kỳ', 5);
    expect(clf.classify('hôm nay trời đẹp lũ bắc kỳ').label).toBe('hate');
    expect(top.length).toBeGreaterThan(0);
    expect(top.some((f) => /bắc|kỳ|lũ/.test(f.ngram))).toBe(true);
    expect(top.every((f, i) => i === 0 || f.weight <= top[i - 1]!.weight)).toBe(true);
  });
});

describe('calibration helpers', () => {
  it('fits a temperature above 1 for over-confident logits', () => {
    // Logits say 99.99% but the model is right 80% of the time.
    const n = 100;
    const logits = new Float64Array(n * 2);
    const gold = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      logits[i * 2] = 10;
      gold[i] = i < 80 ? 0 : 1;
    }
    expect(fitTemperature(logits, gold, 2)).toBeGreaterThan(3);
  });

  it('shifts the decision towards a rare class when that raises macro-F1', () => {
    // The rare class always has probability 0.4: plain arg-max never predicts it.
    const probs = new Float64Array([0.6, 0.4, 0.6, 0.4, 0.9, 0.1, 0.9, 0.1]);
    const gold = new Uint8Array([1, 1, 0, 0]);
    const offsets = fitOffsets(probs, gold, 2);
    expect(offsets[1]).toBeGreaterThan(Math.log(0.6 / 0.4));
    expect(offsets[1]).toBeLessThan(Math.log(0.9 / 0.1));
  });
});
