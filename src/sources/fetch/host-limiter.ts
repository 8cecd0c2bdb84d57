/**
 * Politeness per host: at most `concurrency` requests in flight and at least `minDelayMs` between
 * request starts to the same host. Hosts are independent, so a slow site never holds up the others.
 * Waiters are served first come, first served.
 */

export interface HostLimiter {
  /** Waits for a slot on the host; call the returned function exactly once when the request is done. */
  acquire(host: string): Promise<() => void>;
  /** Sets the minimum delay of one host (robots.txt Crawl-delay); never below the configured one. */
  setMinDelay(host: string, ms: number): void;
  /** Requests in flight per host, for tests and metrics. */
  inFlight(host: string): number;
  /** Drops pending timers; waiting acquirers are left pending. */
  close(): void;
}

export interface HostLimiterOptions {
  concurrency: number;
  minDelayMs: number;
  /** Monotonic milliseconds. */
  now?: () => number;
}

interface HostState {
  active: number;
  lastStart: number;
  minDelayMs: number;
  queue: (() => void)[];
  timer: NodeJS.Timeout | null;
}

/** Creates a limiter shared by all requests of one fetcher. */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const now = options.now ?? (() => performance.now());
  const hosts = new Map<string, HostState>();

  function state(host: string): HostState {
    let s = hosts.get(host);
    if (!s) {
      s = { active: 0, lastStart: -Infinity, minDelayMs: options.minDelayMs, queue: [], timer: null };
      hosts.set(host, s);
    }
    return s;
  }

  function pump(host: string, s: HostState): void {
    while (s.active < options.concurrency && s.queue.length > 0) {
      const wait = s.lastStart + s.minDelayMs - now();
      if (wait > 0) {
        if (!s.timer) {
          s.timer = setTimeout(() => {
            s.timer = null;
            pump(host, s);
          }, Math.ceil(wait));
        }
        return;
      }
      const next = s.queue.shift();
      s.active++;
      s.lastStart = now();
      next?.();
    }
    // Forget idle hosts whose delay has passed, so a long crawl over many sites does not grow the map.
    // A Crawl-delay is set again before each acquire, so dropping it with the state loses nothing.
    if (s.active === 0 && s.queue.length === 0 && !s.timer && now() - s.lastStart >= s.minDelayMs) {
      hosts.delete(host);
    }
  }

  return {
    acquire(host) {
      const s = state(host);
      return new Promise<() => void>((resolve) => {
        s.queue.push(() => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            s.active--;
            pump(host, s);
          });
        });
        pump(host, s);
      });
    },
    setMinDelay(host, ms) {
      const s = state(host);
      s.minDelayMs = Math.max(options.minDelayMs, ms);
    },
    inFlight: (host) => hosts.get(host)?.active ?? 0,
    close() {
      for (const s of hosts.values()) {
        if (s.timer) clearTimeout(s.timer);
        s.timer = null;
      }
    },
  };
}
