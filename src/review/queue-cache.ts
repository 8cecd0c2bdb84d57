import type { Clock } from '../core/clock.js';
import type { Db, Trx } from '../store/db.js';

type Deps = { db: Db; clock: Clock };

/**
 * Hot queue pages, kept in process per (filter, cursor, limit): at 100 reviewers refreshing the same
 * views, most requests are answered without a query. An entry lives QUEUE_CACHE_TTL_MS by the deps'
 * clock at most, which bounds how late a change made by another process (another API or worker process on the
 * same database) shows; every case change made through this process (`changeCases`) empties the cache
 * when its transaction ends, so the next listing reads the database. Concurrent identical requests
 * share one query.
 */
export const QUEUE_CACHE_TTL_MS = 2000;
const MAX_ENTRIES = 1000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

interface QueueCache {
  generation: number;
  ttlMs: number;
  entries: Map<string, Entry>;
}

// One cache per store handle: everything in this process that shares the handle shares the cache.
const caches = new WeakMap<object, QueueCache>();

function cacheOf(db: Db): QueueCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { generation: 0, ttlMs: QUEUE_CACHE_TTL_MS, entries: new Map() }));
  return c;
}

/** The cached value for `key`, or `load()` (shared by concurrent callers) kept until the TTL or a change. */
export function cachedQueue<T>(deps: Deps, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(deps.db);
  const now = deps.clock.now().getTime();
  const hit = cache.entries.get(key);
  if (hit && now - hit.at >= 0 && now - hit.at < cache.ttlMs) return hit.value as Promise<T>;
  const generation = cache.generation;
  const value = load();
  const entry: Entry = { at: now, value };
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  const drop = () => {
    if (cache.entries.get(key) === entry) cache.entries.delete(key);
  };
  // A page read while a change was committing may predate it: do not keep it for later callers.
  value.then(() => cache.generation !== generation && drop(), drop);
  return value;
}

/** Sets the lifetime of cached pages for this store handle; 0 turns the cache off (benches compare). */
export function configureQueueCache(db: Db, opts: { ttlMs: number }): void {
  const cache = cacheOf(db);
  cache.ttlMs = Math.max(0, opts.ttlMs);
  cache.entries.clear();
}

/** Forgets every cached page of this store handle (a case changed). */
export function queueChanged(db: Db): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.generation++;
  cache.entries.clear();
}

/** Runs `work` in a transaction that changes cases; when it ends (committed or not) the cached pages go. */
export async function changeCases<T>(deps: Deps, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(work);
  } finally {
    queueChanged(deps.db);
  }
}
