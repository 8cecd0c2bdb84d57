import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createHostLimiter', () => {
  it('keeps at most `concurrency` slots per host and hands them out in order', async () => {
    const limiter = createHostLimiter({ concurrency: 2, minDelayMs: 0 });
    const order: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 5; i++) {
      void limiter.acquire('a.example').then((release) => {
        order.push(i);
        releases.push(release);
      });
    }
    await tick();
    expect(order).toEqual([0, 1]);
    expect(limiter.inFlight('a.example')).toBe(2);
    releases[0]?.();
    releases[0]?.(); // a second release of the same slot must not free another one
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(limiter.inFlight('a.example')).toBe(2);
    limiter.close();
  });

  it('does not block other hosts', async () => {
    const limiter = createHostLimiter({ concurrency: 1, minDelayMs: 60_000 });
    await limiter.acquire('slow.example');
    let other = false;
    void limiter.acquire('other.example').then(() => (other = true));
    let second = false;
    void limiter.acquire('slow.example').then(() => (second = true));
    await tick();
    expect(other).toBe(true);
    expect(second).toBe(false);
    limiter.close();
  });

  it('spaces request starts to one host by the minimum delay, using a raised Crawl-delay', async () => {
    let t = 0;
    const limiter = createHostLimiter({ concurrency: 4, minDelayMs: 10, now: () => t });
    limiter.setMinDelay('h', 5); // below the configured delay: ignored
    const r1 = await limiter.acquire('h');
    r1();
    let got = false;
    void limiter.acquire('h').then(() => (got = true));
    await tick();
    expect(got).toBe(false); // 0 ms passed of the 10 ms
    t = 10;
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toBe(true);

    limiter.setMinDelay('h', 1000);
    let third = false;
    void limiter.acquire('h').then(() => (third = true));
    t = 500;
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    limiter.close();
  });
});
