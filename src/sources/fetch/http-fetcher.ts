import { Writable, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import zlib from 'node:zlib';
import { Agent, request } from 'undici';
import { systemClock, type Clock } from '../../core/clock.js';
import type { FetchConfig } from '../../core/config.js';
import { AppError, isAppError } from '../../core/errors.js';
import type { FetchRequest, FetchResult, Fetcher } from '../fetcher.js';
import { createAddressGuard, type ResolveFn } from './address-guard.js';
import { decodeBody } from './charset.js';
import { createHostLimiter } from './host-limiter.js';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, type BackoffOptions } from './retry.js';
import { createRobotsCache } from './robots.js';

/**
 * The crawler's HTTP fetcher: undici underneath, with the address guard, robots.txt, per-host
 * politeness, conditional GET, time and size limits, manual redirects, decompression, charset
 * decoding and retries. See docs/crawler.md for the behaviour and the settings.
 */

export interface HttpFetcherDeps {
  /** Wall clock for fetchedAt and the robots.txt cache. */
  clock?: Clock;
  /** Waits between retries; tests pass a recorder that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** DNS resolution (all addresses) for the address guard. */
  resolve?: ResolveFn;
  backoff?: BackoffOptions;
  /** A Retry-After longer than this is not waited for: the error is thrown for the caller to reschedule. */
  maxRetryAfterMs?: number;
  /** How long robots.txt is cached (default 6 h) and how long a robots.txt server error closes a site (default 60 s). */
  robotsTtlMs?: number;
  robotsErrorTtlMs?: number;
  /** Longest Crawl-delay honoured (default 60 s), so one robots.txt cannot stall a crawl for hours. */
  maxCrawlDelayMs?: number;
}

export type HttpFetcher = Fetcher & {
  /** Closes pooled connections and timers. */
  close(): Promise<void>;
};

const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8';
const ROBOTS_MAX_BYTES = 512 * 1024; // RFC 9309 asks crawlers to read at least 500 KiB
const ROBOTS_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface RawResponse {
  url: URL;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

interface ChainOptions {
  headers: Record<string, string>;
  maxBodyBytes: number;
  maxRedirects: number;
  checkRobots: boolean;
  /** Keep the first maxBodyBytes instead of failing (robots.txt). */
  truncate: boolean;
}

/** Creates the production Fetcher; call close() when done. */
export function createHttpFetcher(config: FetchConfig, deps: HttpFetcherDeps = {}): HttpFetcher {
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const random = deps.random ?? Math.random;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const maxRetryAfterMs = deps.maxRetryAfterMs ?? 120_000;
  const maxCrawlDelayMs = deps.maxCrawlDelayMs ?? 60_000;

  const guard = createAddressGuard(config.allowHosts, deps.resolve ? { resolve: deps.resolve } : {});
  const limiter = createHostLimiter({
    concurrency: config.hostConcurrency,
    minDelayMs: config.hostMinDelayMs,
  });
  const agent = new Agent({
    // Every new connection resolves through the guard, so it reaches only checked addresses.
    connect: { lookup: guard.connectLookup, timeout: config.timeoutMs },
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 4_000,
    connections: config.hostConcurrency,
  });
  const robots = createRobotsCache({
    userAgent: config.userAgent,
    clock,
    ttlMs: deps.robotsTtlMs ?? 6 * 3600_000,
    errorTtlMs: deps.robotsErrorTtlMs ?? 60_000,
    async load(robotsUrl) {
      const res = await fetchChain(new URL(robotsUrl), {
        headers: baseHeaders('text/plain'),
        maxBodyBytes: ROBOTS_MAX_BYTES,
        maxRedirects: ROBOTS_MAX_REDIRECTS,
        checkRobots: false,
        truncate: true,
      });
      const ok = res.status >= 200 && res.status < 300;
      return { status: res.status, text: ok ? new TextDecoder().decode(res.body) : '' };
    },
  });

  function baseHeaders(accept: string): Record<string, string> {
    return {
      'user-agent': config.userAgent,
      accept,
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'vi,en;q=0.8',
    };
  }

  /** One request/response within the deadline, holding a host slot until the body is read. */
  async function requestOnce(url: URL, options: ChainOptions): Promise<RawResponse> {
    const controller = new AbortController();
    const timeout = new AppError('FETCH_TIMEOUT', `GET ${url.href} took longer than ${config.timeoutMs} ms`, {
      details: { url: url.href, timeoutMs: config.timeoutMs },
    });
    const timer = setTimeout(() => controller.abort(timeout), config.timeoutMs);
    try {
      const res = await request(url, {
        method: 'GET',
        headers: options.headers,
        dispatcher: agent,
        signal: controller.signal,
      });
      const headers = flattenHeaders(res.headers);
      const isSuccess = res.statusCode >= 200 && res.statusCode < 300;
      if (!isSuccess) {
        // Nothing to keep; read a little so the connection can be reused, then drop it.
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { url, status: res.statusCode, headers, body: new Uint8Array(0) };
      }
      const declared = Number(headers['content-length']);
      if (!options.truncate && Number.isFinite(declared) && declared > options.maxBodyBytes) {
        res.body.destroy();
        throw tooLarge(url, options.maxBodyBytes, declared);
      }
      const body = await readBody(url, res.body, headers['content-encoding'], options, controller.signal);
      return { url, status: res.statusCode, headers, body };
    } catch (err) {
      if (controller.signal.aborted) throw timeout;
      throw toFetchError(err, url);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Follows redirects by hand, checking address and robots.txt on every hop. */
  async function fetchChain(start: URL, options: ChainOptions): Promise<RawResponse> {
    const seen = new Set<string>([start.href]);
    let current = start;
    for (let hop = 0; ; hop++) {
      await guard.check(current.hostname);
      if (options.checkRobots && config.respectRobots) {
        const verdict = await robots.check(current);
        if (verdict.crawlDelayMs !== null) {
          limiter.setMinDelay(current.host, Math.min(verdict.crawlDelayMs, maxCrawlDelayMs));
        }
      }
      const release = await limiter.acquire(current.host);
      let res: RawResponse;
      try {
        res = await requestOnce(current, options);
      } finally {
        release();
      }
      if (!REDIRECT_STATUSES.has(res.status)) return res;
      const location = res.headers['location'];
      if (!location) return res;
      const next = parseFetchUrl(location, current);
      if (seen.has(next.href)) {
        throw new AppError(
          'FETCH_TOO_MANY_REDIRECTS',
          `${start.href} redirects in a loop (back to ${next.href})`,
          {
            details: { url: start.href, loopAt: next.href },
          },
        );
      }
      if (hop + 1 > options.maxRedirects) {
        throw new AppError(
          'FETCH_TOO_MANY_REDIRECTS',
          `${start.href} redirects more than ${options.maxRedirects} times`,
          { details: { url: start.href, maxRedirects: options.maxRedirects } },
        );
      }
      seen.add(next.href);
      current = next;
    }
  }

  async function fetchOnce(start: URL, req: FetchRequest): Promise<FetchResult> {
    const headers = baseHeaders(req.accept ?? DEFAULT_ACCEPT);
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const res = await fetchChain(start, {
      headers,
      maxBodyBytes: config.maxBodyBytes,
      maxRedirects: config.maxRedirects,
      checkRobots: true,
      truncate: false,
    });
    const fetchedAt = clock.now();
    const etag = res.headers['etag'] ?? null;
    const lastModified = res.headers['last-modified'] ?? null;
    const contentType = res.headers['content-type'] ?? '';
    const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
    if (res.status === 304) {
      return {
        requestedUrl: start.href,
        url: res.url.href,
        status: 304,
        headers: res.headers,
        notModified: true,
        body: new Uint8Array(0),
        mediaType,
        charset: '',
        text: '',
        etag: etag ?? req.etag ?? null,
        lastModified: lastModified ?? req.lastModified ?? null,
        fetchedAt,
      };
    }
    if (res.status < 200 || res.status >= 300) throw statusError(res);
    let text = '';
    let charset = '';
    if (isTextual(mediaType)) {
      try {
        ({ text, charset } = decodeBody(res.body, contentType));
      } catch (err) {
        if (isAppError(err)) {
          throw new AppError(err.code, `${err.message} (${res.url.href})`, {
            cause: err,
            details: { ...err.details, url: res.url.href },
          });
        }
        throw err;
      }
    }
    return {
      requestedUrl: start.href,
      url: res.url.href,
      status: res.status,
      headers: res.headers,
      notModified: false,
      body: res.body,
      mediaType,
      charset,
      text,
      etag,
      lastModified,
      fetchedAt,
    };
  }

  return {
    async fetch(url, req = {}) {
      const start = parseFetchUrl(url);
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetchOnce(start, req);
        } catch (caught) {
          const err = toFetchError(caught, start);
          // A robots.txt server error is cached for a while, so retrying now would only wait; the
          // error stays retryable for the caller's next round.
          const retryNow = err.retryable && err.code !== 'FETCH_ROBOTS_DISALLOWED';
          if (!retryNow || attempt > config.retries) throw withAttempts(err, start, attempt);
          let wait = backoffDelay(attempt, random, backoff);
          const retryAfterMs = err.details?.['retryAfterMs'];
          if (typeof retryAfterMs === 'number') {
            if (retryAfterMs > maxRetryAfterMs) throw withAttempts(err, start, attempt);
            wait = Math.max(wait, retryAfterMs);
          }
          await sleep(wait);
        }
      }
    },
    async close() {
      limiter.close();
      await agent.close();
    },
  };

  function statusError(res: RawResponse): AppError {
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'], clock.now().getTime());
    return new AppError('FETCH_HTTP_STATUS', `GET ${res.url.href} answered HTTP ${res.status}`, {
      retryable,
      details: { url: res.url.href, status: res.status, ...(retryAfterMs === null ? {} : { retryAfterMs }) },
    });
  }
}

/** Parses an absolute http(s) URL (or one relative to `base`); anything else is FETCH_BAD_URL. */
export function parseFetchUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (err) {
    throw new AppError('FETCH_BAD_URL', `Not a valid URL: ${JSON.stringify(raw)}`, {
      cause: err,
      details: { url: raw },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('FETCH_BAD_URL', `Only http and https URLs can be fetched, not ${url.href}`, {
      details: { url: url.href },
    });
  }
  url.hash = '';
  return url;
}

/** Media types whose body is text to decode; images, PDFs and other binaries keep only their bytes. */
function isTextual(mediaType: string): boolean {
  return (
    mediaType === '' ||
    mediaType.startsWith('text/') ||
    /[/+](xml|json|javascript|ecmascript)$/.test(mediaType) ||
    mediaType === 'application/x-www-form-urlencoded'
  );
}

async function readBody(
  url: URL,
  body: Readable,
  contentEncoding: string | undefined,
  options: ChainOptions,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const decoders = decodersFor(url, contentEncoding);
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total <= options.maxBodyBytes) {
        chunks.push(chunk);
        callback();
      } else if (options.truncate) {
        chunks.push(chunk.subarray(0, chunk.length - (total - options.maxBodyBytes)));
        truncated = true;
        callback(new Error('truncated'));
      } else {
        // Stop at once: counting decompressed bytes also stops zip bombs.
        callback(tooLarge(url, options.maxBodyBytes, null));
      }
    },
  });
  try {
    await pipeline([body, ...decoders, sink], { signal });
  } catch (err) {
    if (!truncated) throw err;
  }
  return Buffer.concat(chunks);
}

function decodersFor(url: URL, contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  // Codings are listed in the order applied, so undo them from last to first.
  return codings.reverse().map((coding) => {
    // Truncated streams are accepted as far as they go, as browsers do.
    const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return zlib.createUnzip(flush);
    if (coding === 'br')
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    throw new AppError('FETCH_HTTP_STATUS', `GET ${url.href}: unsupported Content-Encoding "${coding}"`, {
      details: { url: url.href, contentEncoding },
    });
  });
}

function tooLarge(url: URL, limit: number, declared: number | null): AppError {
  const size = declared === null ? `more than ${limit} bytes` : `${declared} bytes (Content-Length)`;
  return new AppError('FETCH_TOO_LARGE', `GET ${url.href}: body is ${size}; the limit is ${limit}`, {
    details: {
      url: url.href,
      maxBodyBytes: limit,
      ...(declared === null ? {} : { contentLength: declared }),
    },
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Maps anything thrown while fetching to an AppError with a FETCH_* code. */
function toFetchError(err: unknown, url: URL): AppError {
  if (isAppError(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new AppError('FETCH_TIMEOUT', `GET ${url.href} timed out: ${message}`, {
      cause: err,
      details: { url: url.href },
    });
  }
  // zlib codes are Z_*, brotli decoder codes ERR__ERROR_* (e.g. ERR__ERROR_FORMAT_PADDING_1).
  if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR_'))) {
    return new AppError('FETCH_NETWORK', `GET ${url.href}: corrupt compressed body (${message})`, {
      cause: err,
      retryable: false,
      details: { url: url.href },
    });
  }
  return new AppError('FETCH_NETWORK', `GET ${url.href} failed: ${message}`, {
    cause: err,
    details: { url: url.href, ...(typeof code === 'string' ? { errno: code } : {}) },
  });
}

/** The final error: names the requested URL and records how many attempts were made. */
function withAttempts(err: AppError, url: URL, attempts: number): AppError {
  const message = err.message.includes(url.href) ? err.message : `${err.message} (fetching ${url.href})`;
  return new AppError(err.code, message, {
    cause: err.cause ?? undefined,
    retryable: err.retryable,
    details: { ...err.details, url: url.href, attempts },
  });
}
