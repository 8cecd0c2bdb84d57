import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry.js';

describe('backoffDelay', () => {
  it('doubles per retry, within the jitter band, and stops at the cap', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(1, () => 0, opts)).toBe(50);
    expect(backoffDelay(1, () => 0.999, opts)).toBe(100);
    expect(backoffDelay(3, () => 0, opts)).toBe(200);
    expect(backoffDelay(3, () => 0.999, opts)).toBe(400);
    expect(backoffDelay(10, () => 0.999, opts)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T00:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 28 Feb 2025 00:00:00 GMT', now)).toBe(0);
  });
  it('returns null for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
