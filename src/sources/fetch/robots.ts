import robotsParserModule from 'robots-parser';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';

/**
 * robots.txt, fetched once per origin and kept for a while. A missing robots.txt (any 4xx) allows
 * everything; a 5xx or 429 disallows the whole origin for a short while (RFC 9309 §2.3.1.4: a server
 * error means "do not crawl yet"), as a retryable FETCH_ROBOTS_DISALLOWED.
 */

export interface RobotsResponse {
  status: number;
  /** The body as text (only read for 2xx). */
  text: string;
}

export interface RobotsCacheOptions {
  /** Fetches a robots.txt URL; network errors are thrown and not cached. */
  load(robotsUrl: string): Promise<RobotsResponse>;
  userAgent: string;
  clock: Clock;
  /** How long a fetched robots.txt is used (ms). */
  ttlMs: number;
  /** How long a server error keeps the origin closed before robots.txt is asked again (ms). */
  errorTtlMs: number;
}

export interface RobotsVerdict {
  /** The Crawl-delay for our user agent, in ms, or null. */
  crawlDelayMs: number | null;
}

export interface RobotsCache {
  /** Resolves when robots.txt allows the URL; throws FETCH_ROBOTS_DISALLOWED otherwise. */
  check(url: URL): Promise<RobotsVerdict>;
}

interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package is CommonJS (module.exports = fn) but its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, robotstxt: string) => Rules;
type Entry = { until: number } & (
  { kind: 'rules'; rules: Rules } | { kind: 'allow-all' } | { kind: 'error'; status: number }
);

/** The product token robots.txt groups are matched against: "kiemtin" for "kiemtin/0.1 (+https://…)". */
export function robotsAgentToken(userAgent: string): string {
  const compatible = /compatible;\s*([\w-]+)/i.exec(userAgent);
  return (compatible?.[1] ?? /^[\w-]+/.exec(userAgent.trim())?.[0] ?? '*').toLowerCase();
}

/** Creates a per-fetcher robots.txt cache. */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const token = robotsAgentToken(options.userAgent);
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<Entry>>();

  async function load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const res = await options.load(robotsUrl);
    const now = options.clock.now().getTime();
    if (res.status >= 200 && res.status < 300) {
      return { kind: 'rules', rules: robotsParser(robotsUrl, res.text), until: now + options.ttlMs };
    }
    if (res.status === 429 || res.status >= 500)
      return { kind: 'error', status: res.status, until: now + options.errorTtlMs };
    return { kind: 'allow-all', until: now + options.ttlMs };
  }

  async function entryFor(origin: string): Promise<Entry> {
    const cached = entries.get(origin);
    if (cached && cached.until > options.clock.now().getTime()) return cached;
    // Concurrent fetches to one origin share one robots.txt request.
    let pending = loading.get(origin);
    if (!pending) {
      pending = load(origin).finally(() => loading.delete(origin));
      loading.set(origin, pending);
    }
    const entry = await pending;
    entries.set(origin, entry);
    return entry;
  }

  return {
    async check(url) {
      const entry = await entryFor(url.origin);
      if (entry.kind === 'error') {
        throw new AppError(
          'FETCH_ROBOTS_DISALLOWED',
          `robots.txt of ${url.origin} answered HTTP ${entry.status}; not fetching ${url.href} for now`,
          { retryable: true, details: { url: url.href, robotsStatus: entry.status } },
        );
      }
      if (entry.kind === 'allow-all') return { crawlDelayMs: null };
      if (entry.rules.isAllowed(url.href, token) === false) {
        const line = entry.rules.getMatchingLineNumber(url.href, token);
        throw new AppError(
          'FETCH_ROBOTS_DISALLOWED',
          `robots.txt of ${url.origin} disallows ${url.href} (line ${line})`,
          {
            details: { url: url.href, line },
          },
        );
      }
      const delay = entry.rules.getCrawlDelay(token);
      return { crawlDelayMs: delay === undefined ? null : Math.round(delay * 1000) };
    },
  };
}
