import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import type { Db } from '../store/db.js';
import {
  cachedQueue,
  configureQueueCache,
  QUEUE_CACHE_TTL_MS,
  queueCacheStats,
  queueChanged,
} from './queue-cache.js';

/** A loader that counts its calls and answers "page N" when the test lets call N finish. */
function loader() {
  const pending: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    load: () =>
      new Promise<string>((resolve, reject) => {
        calls++;
        pending.push({ resolve, reject });
      }),
    /** Lets the oldest outstanding call finish with "page <its number>" (or fail). */
    async finish(fail = false) {
      const n = calls - pending.length + 1;
      const p = pending.shift()!;
      if (fail) p.reject(new Error(`load ${n} failed`));
      else p.resolve(`page ${n}`);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

// The cache only uses the store handle as a key: a fresh object is a fresh cache.
const setup = () => {
  const db = {} as Db;
  const clock = fixedClock(new Date('2026-11-29T00:00:00Z'));
  configureQueueCache(db, { ttlMs: QUEUE_CACHE_TTL_MS });
  return { deps: { db, clock }, clock, db, l: loader() };
};
// A read that takes no time (fixed clock) is repeated in the last tenth of the page's life.
const near = QUEUE_CACHE_TTL_MS * 0.9;
const rest = QUEUE_CACHE_TTL_MS - near;

describe('queue page cache', () => {
  it('shares one query among concurrent callers and answers from it until near the end of its life', async () => {
    const { deps, clock, l } = setup();
    const a = cachedQueue(deps, 'k', l.load);
    const b = cachedQueue(deps, 'k', l.load);
    await l.finish();
    expect([await a, await b]).toEqual(['page 1', 'page 1']);
    clock.advance(near - 1);
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(l.calls).toBe(1);
  });

  it('re-reads a page used near the end of its life in the background: callers never wait, the fresh page replaces it', async () => {
    const { deps, clock, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(near);
    // The old page answers at once; one background read starts, however many callers come.
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(l.calls).toBe(2);
    await l.finish();
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 2');
    // Only the very first call waited for a query.
    expect(queueCacheStats(deps.db)).toEqual({ answered: 3, waited: 1 });
    // The fresh page's life counts from the start of its read: no new read until near its own end.
    clock.advance(near - 1);
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 2');
    expect(l.calls).toBe(2);
  });

  it('starts the re-read earlier for a page whose read was slow: four times its duration before the end', async () => {
    const { deps, clock, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    clock.advance(200);
    await l.finish();
    await first;
    // Read at 0, took 200 ms: re-read from 2000 - 4 × 200 = 1200 ms of age on (not from 1800).
    clock.advance(QUEUE_CACHE_TTL_MS - 4 * 200 - 200 - 1);
    await cachedQueue(deps, 'k', l.load);
    expect(l.calls).toBe(1);
    clock.advance(1);
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(l.calls).toBe(2);
  });

  it('at the expiry, callers share the background read already under way instead of starting another', async () => {
    const { deps, clock, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(near);
    await cachedQueue(deps, 'k', l.load); // starts read 2, still running at the expiry
    clock.advance(rest);
    const late = cachedQueue(deps, 'k', l.load);
    expect(l.calls).toBe(2);
    await l.finish();
    expect(await late).toBe('page 2');
  });

  it('never answers with a page older than the lifetime: an unused page is read again on the next call', async () => {
    const { deps, clock, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(QUEUE_CACHE_TTL_MS);
    const next = cachedQueue(deps, 'k', l.load);
    expect(l.calls).toBe(2);
    await l.finish();
    expect(await next).toBe('page 2');
  });

  it('drops a background read that ran while a case changed through this process', async () => {
    const { deps, clock, db, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(near);
    await cachedQueue(deps, 'k', l.load); // read 2 starts, may see the state before the change
    queueChanged(db);
    const after = cachedQueue(deps, 'k', l.load); // the change emptied the cache: read 3
    expect(l.calls).toBe(3);
    await l.finish(); // read 2 ends: must not replace anything
    await l.finish();
    expect(await after).toBe('page 3');
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 3');
    expect(l.calls).toBe(3);
  });

  it('keeps the page when a background read fails, and tries again on a later call', async () => {
    const { deps, clock, l } = setup();
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(near);
    await cachedQueue(deps, 'k', l.load);
    await l.finish(true);
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(l.calls).toBe(3);
    await l.finish();
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 3');
  });

  it('without background re-reads (as benches compare), a page in use expires and its next caller waits', async () => {
    const { deps, clock, db, l } = setup();
    configureQueueCache(db, { ttlMs: QUEUE_CACHE_TTL_MS, refreshAhead: false });
    const first = cachedQueue(deps, 'k', l.load);
    await l.finish();
    await first;
    clock.advance(near);
    expect(await cachedQueue(deps, 'k', l.load)).toBe('page 1');
    expect(l.calls).toBe(1);
    clock.advance(rest);
    const next = cachedQueue(deps, 'k', l.load);
    expect(l.calls).toBe(2);
    await l.finish();
    expect(await next).toBe('page 2');
  });

  it('with a lifetime of 0 reads every time', async () => {
    const { deps, db, l } = setup();
    configureQueueCache(db, { ttlMs: 0 });
    const a = cachedQueue(deps, 'k', l.load);
    const b = cachedQueue(deps, 'k', l.load);
    expect(l.calls).toBe(2);
    await l.finish();
    await l.finish();
    expect([await a, await b]).toEqual(['page 1', 'page 2']);
  });
});
