import { describe, expect, it } from 'vitest';
import { ClassifierBank } from './bank.js';
import { loadBundledClassifier } from './bundled.js';
import { DEFAULT_FEATURES } from './features.js';
import { TextClassifier } from './linear.js';
import { syntheticCorpus, SYNTHETIC_LABELS } from './testing.js';
import { DEFAULT_TRAIN, trainModel } from './train.js';

describe('ClassifierBank', () => {
  const hate = loadBundledClassifier('hate-speech');
  const toxic = loadBundledClassifier('toxic');
  const texts = [
    ...syntheticCorpus(200, 3).texts,
    '',
    'đ.m thằng óc chó, câm mồm đi',
    'Bài viết hay quá, cảm ơn tác giả 😂',
  ];

  it('gives each model exactly the prediction it gives alone', () => {
    const bank = new ClassifierBank([hate, toxic]);
    for (const t of texts) {
      const idx = hate.features(t).slice();
      const got = new Map(bank.predictAll(toxic, idx));
      expect(got.get(hate), t).toEqual(hate.classify(t));
      expect(got.get(toxic), t).toEqual(toxic.classify(t));
    }
  });

  it('leaves a model with other features out of the group', () => {
    const { model } = trainModel('other', SYNTHETIC_LABELS, syntheticCorpus(100, 5), {
      ...DEFAULT_TRAIN,
      folds: 2,
      epochs: 1,
      features: { ...DEFAULT_FEATURES, bits: 12 },
    });
    const other = new TextClassifier(model);
    const bank = new ClassifierBank([hate, other]);
    expect(bank.has(hate)).toBe(false);
    expect(bank.has(other)).toBe(false);
    expect(bank.predictAll(hate, hate.features('x').slice())).toEqual([]);
  });
});
