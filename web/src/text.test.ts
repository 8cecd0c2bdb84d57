import { describe, expect, it } from 'vitest';
import { evidenceSpans, safeHref, segments } from './text.js';

describe('evidence highlighting', () => {
  it('finds spans anywhere in the evidence and drops those outside the text', () => {
    const evidence = {
      ruleId: 'r',
      matches: [{ phrase: 'x', start: 2, end: 5 }],
      passage: { start: 0, end: 99 },
      other: { start: 4, end: 4 },
    };
    expect(evidenceSpans(evidence, 3, 20)).toEqual([{ start: 2, end: 5, finding: 3 }]);
    expect(evidenceSpans(null, 0, 20)).toEqual([]);
  });

  it('splits the text at span edges, keeps every character once and marks overlaps with both findings', () => {
    const text = '<img src=x onerror=alert(1)> lừa đảo';
    const parts = segments(text, [
      { start: 0, end: 4, finding: 0 },
      { start: 2, end: 8, finding: 1 },
      { start: 29, end: 32, finding: 0 },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.slice(0, 4)).toEqual([
      { text: '<i', findings: [0] },
      { text: 'mg', findings: [0, 1] },
      { text: ' src', findings: [1] },
      { text: '=x onerror=alert(1)> ', findings: [] },
    ]);
    expect(parts[4]).toEqual({ text: 'lừa', findings: [0] });
  });

  it('returns the whole text as one plain piece without spans', () => {
    expect(segments('abc', [])).toEqual([{ text: 'abc', findings: [] }]);
    expect(segments('', [])).toEqual([]);
  });
});

describe('safeHref', () => {
  it('keeps only absolute http(s) URLs', () => {
    expect(safeHref('https://bao.example/a?b=1')).toBe('https://bao.example/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
