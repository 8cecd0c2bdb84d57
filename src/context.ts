import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import type { Detector } from './detect/types.js';
import { createDefaultDetectors } from './detect/registry.js';
import { CampaignTracker } from './pipeline/campaigns.js';
import type { PipelineDeps } from './pipeline/ingest.js';
import type { Fetcher } from './sources/fetcher.js';
import { createHttpFetcher } from './sources/fetch/http-fetcher.js';
import { openStore, type Db, type Store } from './store/db.js';

/** Everything the entry points use, wired once. */
export interface AppContext extends PipelineDeps {
  config: Config;
  store: Store;
  db: Db;
  fetcher: Fetcher;
  clock: Clock;
  logger: Logger;
  detectors: readonly Detector[];
  close(): Promise<void>;
}

export interface ContextOverrides {
  store?: Store;
  fetcher?: Fetcher & { close?(): Promise<void> };
  clock?: Clock;
  logger?: Logger;
  detectors?: readonly Detector[];
}

/** The composition root: opens the store, builds the fetcher and the detectors. */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const logger = overrides.logger ?? pino({ level: config.logLevel }, pino.destination(2));
  const store = overrides.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const fetcher = overrides.fetcher ?? createHttpFetcher(config.fetch);
  const detectors = overrides.detectors ?? createDefaultDetectors({});
  let closed = false;
  const clock = overrides.clock ?? systemClock;
  return {
    config,
    store,
    db: store.db,
    fetcher,
    clock,
    campaigns: new CampaignTracker(clock),
    logger,
    detectors,
    async close() {
      if (closed) return;
      closed = true;
      await (fetcher as { close?(): Promise<void> }).close?.();
      if (!overrides.store) await store.close();
    },
  };
}
