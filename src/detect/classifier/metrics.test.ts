import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, macroF1 } from './metrics.js';

describe('evaluate', () => {
  it('computes per-class F1, macro-F1 and the confusion matrix', () => {
    const gold = [0, 0, 0, 1, 1, 2];
    const pred = [0, 0, 1, 1, 2, 2];
    const r = evaluate(['a', 'b', 'c'], gold, pred);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    // a: P=1 R=2/3 F=0.8; b: P=1/2 R=1/2 F=0.5; c: P=1/2 R=1 F=2/3
    expect(r.perClass.map((m) => m.f1)).toEqual([expect.closeTo(0.8), expect.closeTo(0.5), expect.closeTo(2 / 3)]);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(macroF1(3, gold, pred)).toBeCloseTo(r.macroF1);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(formatReport(r)).toContain('macro-F1=65.56%');
  });

  it('gives F1 0 to a class that is never predicted', () => {
    const r = evaluate(['x', 'y'], [0, 1], [0, 0]);
    expect(r.perClass[1]!.f1).toBe(0);
  });
});
