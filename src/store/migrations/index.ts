import type { Migration } from 'kysely';
import * as foundation from './20261128T2030-foundation.js';
import * as factchecks from './20261128T2050-factchecks.js';
import * as campaigns from './20261128T2055-campaigns.js';
import * as review from './20261128T2100-review.js';
import * as policy from './20261128T2110-policy.js';
import * as queueIndexes from './20261128T2200-queue-indexes.js';
import * as queueRank from './20261129T0010-queue-rank.js';
import * as legalProvisions from './20261129T0300-legal-provisions.js';

/** Every migration, by timestamped name. Append only: never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '20261128T2030-foundation': foundation,
  '20261128T2050-factchecks': factchecks,
  '20261128T2055-campaigns': campaigns,
  '20261128T2100-review': review,
  '20261128T2110-policy': policy,
  '20261128T2200-queue-indexes': queueIndexes,
  '20261129T0010-queue-rank': queueRank,
  '20261129T0300-legal-provisions': legalProvisions,
};
