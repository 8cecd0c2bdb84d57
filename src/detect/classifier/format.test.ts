import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from './features.js';
import { decodeModel, dequantise, encodeModel, quantise } from './format.js';
import { TextClassifier } from './linear.js';
import type { LinearModel } from './linear.js';
import { createRandom } from './train.js';

function randomModel(): LinearModel {
  const random = createRandom(3);
  const features = { ...DEFAULT_FEATURES, bits: 12 };
  const weights = new Float32Array((1 << 12) * 2).map(() => (random() - 0.5) * (random() < 0.1 ? 4 : 0.1));
  return {
    name: 'spam',
    version: 'spam-test',
    labels: ['not-spam', 'spam'],
    features,
    weights,
    bias: Float32Array.from([0.5, -0.5]),
    temperature: 1.3,
    offsets: Float32Array.from([0, 0.4]),
    meta: { note: 'x' },
  };
}

describe('model file format', () => {
  it('round-trips header fields and keeps predictions within quantisation error', () => {
    const model = randomModel();
    const decoded = decodeModel(encodeModel(model));
    expect(decoded.labels).toEqual(model.labels);
    expect(decoded.features).toEqual(model.features);
    expect(decoded.temperature).toBe(1.3);
    expect([...decoded.offsets]).toEqual([0, expect.closeTo(0.4)]);
    expect(decoded.meta).toEqual({ note: 'x' });
    const a = new TextClassifier(model).classify('mua ngay giảm giá 50% inbox shop');
    const b = new TextClassifier(decoded).classify('mua ngay giảm giá 50% inbox shop');
    expect(b.scores.spam).toBeCloseTo(a.scores.spam!, 2);
  });

  it('keeps small weights with more precision than large ones', () => {
    const w = Float32Array.from([4, -4, 0.01, -0.01, 0]);
    const back = dequantise(quantise(w).codes, quantise(w).maxAbs);
    expect(back[0]).toBeCloseTo(4);
    expect(Math.abs(back[2]! - 0.01)).toBeLessThan(0.003);
    expect(back[4]).toBe(0);
  });

  it('rejects bytes that are not a model', () => {
    expect(() => decodeModel(new Uint8Array([1, 2, 3]))).toThrow(RangeError);
  });
});
