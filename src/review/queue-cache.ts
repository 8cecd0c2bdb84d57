import type { Clock } from '../core/clock.js';
import type { Db, Trx } from '../store/db.js';

type Deps = { db: Db; clock: Clock };

/**
 * Hot queue pages, kept in process per (filter, cursor, limit): at 100 reviewers refreshing the same
 * views, most requests are answered without a query. An entry lives QUEUE_CACHE_TTL_MS by the deps'
 * clock at most, counted from the start of its query, which bounds how late a change made by another
 * process (another API or worker process on the same database) shows; every case change made through
 * this process (`changeCases`) empties the cache when its transaction ends, so the next listing reads
 * the database. Concurrent identical requests share one query.
 *
 * A page used near the end of its life is read again in the background (one query per page), and the
 * fresh page replaces it when it arrives: a page in steady use never expires with requests waiting on
 * its query, so the slowest requests are not the ones that arrive at the expiry. "Near" is four times
 * as long as its own read took, at least a tenth and at most half of the lifetime: enough for the
 * re-read to arrive in time, late enough that a hot page costs about one query per lifetime, not two.
 */
export const QUEUE_CACHE_TTL_MS = 2000;
const MAX_ENTRIES = 1000;

interface Entry {
  /** When its query started (deps' clock, ms). */
  at: number;
  value: Promise<unknown>;
  settled: boolean;
  /** How long its query took (deps' clock, ms), once settled. */
  tookMs: number;
  /** The background re-read started near this entry's end, until it replaces this entry. */
  next?: Entry;
}

interface QueueCache {
  generation: number;
  ttlMs: number;
  /** Whether pages in use are re-read in the background (off only for benches that compare). */
  refreshAhead: boolean;
  entries: Map<string, Entry>;
  stats: QueueCacheStats;
}

/** Calls answered from a page already read, and calls that waited for a query (benches report both). */
export interface QueueCacheStats {
  answered: number;
  waited: number;
}

// One cache per store handle: everything in this process that shares the handle shares the cache.
const caches = new WeakMap<object, QueueCache>();

function cacheOf(db: Db): QueueCache {
  let c = caches.get(db);
  if (!c)
    caches.set(
      db,
      (c = {
        generation: 0,
        ttlMs: QUEUE_CACHE_TTL_MS,
        refreshAhead: true,
        entries: new Map(),
        stats: { answered: 0, waited: 0 },
      }),
    );
  return c;
}

/** Starts `load()` as an entry; a failed load, or one that ran while a change committed, is dropped. */
function startEntry(
  cache: QueueCache,
  clock: Clock,
  key: string,
  now: number,
  load: () => Promise<unknown>,
): Entry {
  const generation = cache.generation;
  const entry: Entry = { at: now, value: load(), settled: false, tookMs: 0 };
  const settle = () => {
    entry.settled = true;
    entry.tookMs = clock.now().getTime() - entry.at;
  };
  const drop = () => {
    settle();
    if (cache.entries.get(key) === entry) cache.entries.delete(key);
  };
  // A page read while a change was committing may predate it: do not keep it for later callers.
  entry.value.then(() => {
    settle();
    if (cache.generation !== generation) drop();
  }, drop);
  return entry;
}

function put(cache: QueueCache, key: string, entry: Entry): void {
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
}

const fresh = (cache: QueueCache, e: Entry, now: number): boolean =>
  now - e.at >= 0 && now - e.at < cache.ttlMs;

/** The cached value for `key`, or `load()` (shared by concurrent callers) kept until the TTL or a change. */
export function cachedQueue<T>(deps: Deps, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(deps.db);
  const now = deps.clock.now().getTime();
  const hit = cache.entries.get(key);
  if (hit && fresh(cache, hit, now)) {
    const lead = Math.min(cache.ttlMs / 2, Math.max(cache.ttlMs / 10, 4 * hit.tookMs));
    if (cache.refreshAhead && hit.settled && !hit.next && now - hit.at >= cache.ttlMs - lead)
      refresh(cache, deps.clock, key, hit, now, load);
    count(cache, hit);
    return hit.value as Promise<T>;
  }
  // Expired: the background re-read, if one is under way and still young enough, answers this request.
  const entry =
    hit?.next && fresh(cache, hit.next, now) ? hit.next : startEntry(cache, deps.clock, key, now, load);
  put(cache, key, entry);
  count(cache, entry);
  return entry.value as Promise<T>;
}

const count = (cache: QueueCache, e: Entry) => (e.settled ? cache.stats.answered++ : cache.stats.waited++);

/** How many calls of this store handle's cache were answered at once and how many waited for a query. */
export function queueCacheStats(db: Db): QueueCacheStats {
  return { ...cacheOf(db).stats };
}

/** Reads `key` again behind `hit`; the fresh page replaces `hit` unless something replaced or dropped it since. */
function refresh(
  cache: QueueCache,
  clock: Clock,
  key: string,
  hit: Entry,
  now: number,
  load: () => Promise<unknown>,
): void {
  const next = startEntry(cache, clock, key, now, load);
  hit.next = next;
  // A change through this process empties the map, so `hit` still there means none happened since.
  next.value.then(
    () => cache.entries.get(key) === hit && put(cache, key, next),
    () => hit.next === next && delete hit.next,
  );
}

/**
 * Sets the lifetime of cached pages for this store handle; 0 turns the cache off, `refreshAhead: false`
 * the background re-reads (benches compare).
 */
export function configureQueueCache(db: Db, opts: { ttlMs: number; refreshAhead?: boolean }): void {
  const cache = cacheOf(db);
  cache.ttlMs = Math.max(0, opts.ttlMs);
  cache.refreshAhead = opts.refreshAhead ?? true;
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
