import { systemClock, type Clock } from '../../core/clock.js';
import { toAppError, type ErrorCode } from '../../core/errors.js';

/** A URL that could not be fetched, as the pipeline stores it for later inspection or another try. */
export interface DeadLetter {
  url: string;
  code: ErrorCode;
  /** The error message (it names the URL). */
  reason: string;
  /** Whether a later try can help (network, timeout, 429/5xx, robots.txt server error). */
  retryable: boolean;
  /** How many attempts the fetcher made before giving up. */
  attempts: number;
  at: Date;
}

/** Turns a fetch failure into a dead-letter record; `attempts` comes from the error's details. */
export function toDeadLetter(url: string, err: unknown, clock: Clock = systemClock): DeadLetter {
  const e = toAppError(err);
  const attempts = e.details?.['attempts'];
  return {
    url,
    code: e.code,
    reason: e.message,
    retryable: e.retryable,
    attempts: typeof attempts === 'number' ? attempts : 1,
    at: clock.now(),
  };
}
