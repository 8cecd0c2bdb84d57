import type { Generated } from 'kysely';

/** Fetches that failed for good (or after all retries), with the reason; the crawl goes on. */
export interface DeadLettersTable {
  id: Generated<number>;
  outlet_id: string | null;
  url: string;
  code: string;
  reason: string;
  retryable: boolean;
  attempts: number;
  at: Date;
}
