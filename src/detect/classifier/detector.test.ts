import { describe, expect, it } from 'vitest';
import type { DetectContext, DetectDocument } from '../types.js';
import { createClassifierDetector } from './detector.js';
import { DEFAULT_FEATURES } from './features.js';
import { TextClassifier } from './linear.js';
import { SYNTHETIC_LABELS, syntheticCorpus } from './testing.js';
import { DEFAULT_TRAIN, trainModel } from './train.js';

const { model } = trainModel('hate-speech', SYNTHETIC_LABELS, syntheticCorpus(300, 5), {
  ...DEFAULT_TRAIN,
  folds: 2,
  epochs: 3,
  features: { ...DEFAULT_FEATURES, bits: 14 },
});
const classifier = new TextClassifier(model);
const ctx: DetectContext = { now: new Date(0), parent: null };
const doc = (text: string): DetectDocument => ({
  id: 'd1',
  kind: 'comment',
  text,
  title: null,
  url: null,
  parentId: null,
  author: null,
  outletType: null,
  publishedAt: null,
});

describe('createClassifierDetector', () => {
  const detector = createClassifierDetector(classifier);

  it('maps hate to hate-speech with score, explanation and evidence', () => {
    const [finding, ...rest] = detector.run(doc('mọi người xem video lũ bắc kỳ cút về nước'), ctx);
    expect(rest).toEqual([]);
    expect(finding?.category).toBe('hate-speech');
    expect(finding?.score).toBeGreaterThan(0.5);
    expect(finding?.explanation).toMatch(/^Mô hình hate-speech: [01]\.\d\d hate; n-gram nặng nhất: "/);
    const evidence = finding!.evidence as { model: string; label: string; scores: Record<string, number>; topFeatures: unknown[] };
    expect(evidence.model).toBe('hate-speech');
    expect(evidence.label).toBe('hate');
    expect(Object.keys(evidence.scores)).toEqual(SYNTHETIC_LABELS);
    expect(evidence.topFeatures.length).toBeGreaterThan(0);
    expect(detector.id).toBe('classifier:hate-speech');
    expect(detector.version).toBe(model.version);
  });

  it('maps offensive to harassment and yields nothing for clean text', () => {
    expect(detector.run(doc('bài viết này đồ ngu'), ctx).map((f) => f.category)).toEqual(['harassment']);
    expect(detector.run(doc('cảm ơn bạn bài viết rất hay'), ctx)).toEqual([]);
  });

  it('uses label thresholds when given', () => {
    const strict = createClassifierDetector(classifier, { labelThresholds: { hate: 1.01, offensive: 1.01 } });
    expect(strict.run(doc('lũ bắc kỳ cút về nước'), ctx)).toEqual([]);
    const loose = createClassifierDetector(classifier, { labelThresholds: { hate: 0, offensive: 0 } });
    expect(loose.run(doc('cảm ơn bạn'), ctx).map((f) => f.category).sort()).toEqual(['harassment', 'hate-speech']);
  });

  it('is deterministic and never throws on empty, huge or odd text', () => {
    for (const text of ['', '   ', '\ud800\u0000', '😡'.repeat(50_000), 'x'.repeat(1_000_000)]) {
      expect(() => detector.run(doc(text), ctx)).not.toThrow();
    }
    expect(detector.appliesTo(doc('  '))).toBe(false);
    const text = 'lũ bắc kỳ';
    expect(detector.run(doc(text), ctx)).toEqual(detector.run(doc(text), ctx));
  });
});
