/** Backoff arithmetic for fetch retries; pure, so the schedule is tested without waiting. */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter (ms). */
  baseMs: number;
  /** Upper bound of any computed delay (ms). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Delay before retry number `retry` (1 for the first): exponential, with "equal jitter" so that many
 * crawlers failing together do not retry in step. `random` returns a number in [0, 1).
 * Example: base 500 → retry 1 waits 250–500 ms, retry 2 500–1000 ms, retry 3 1000–2000 ms.
 */
export function backoffDelay(
  retry: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Parses a Retry-After header (delta seconds or an HTTP date) into milliseconds from `nowMs`,
 * or null when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
