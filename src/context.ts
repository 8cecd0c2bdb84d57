import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import type { Detector } from './detect/types.js';
import { CampaignTracker } from './pipeline/campaigns.js';
import { buildDetectors } from './pipeline/detectors.js';
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
  /** Rebuilds the detectors after a policy or fact-check change (the next batch uses them). */
  reloadDetectors(): Promise<void>;
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
  const store = overrides.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }));
  const fetcher = overrides.fetcher ?? createHttpFetcher(config.fetch);
  let closed = false;
  const clock = overrides.clock ?? systemClock;
  const ctx: AppContext = {
    config,
    store,
    db: store.db,
    fetcher,
    clock,
    campaigns: new CampaignTracker(clock),
    logger,
    detectors: overrides.detectors ?? (await buildDetectors(store.db)),
    async reloadDetectors() {
      if (!overrides.detectors) ctx.detectors = await buildDetectors(store.db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await (fetcher as { close?(): Promise<void> }).close?.();
      if (!overrides.store) await store.close();
    },
  };
  return ctx;
}
