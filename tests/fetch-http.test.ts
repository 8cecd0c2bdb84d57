import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import diagnostics from 'node:diagnostics_channel';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fixedClock } from '../src/core/clock.js';
import type { FetchConfig } from '../src/core/config.js';
import { AppError } from '../src/core/errors.js';
import {
  createHttpFetcher,
  toDeadLetter,
  type HttpFetcher,
  type HttpFetcherDeps,
} from '../src/sources/fetch/index.js';
import { startFixtureServer, type FixtureServer } from './_util/fixture-server.js';

// Every connection undici opens, as "host:port", to prove refused addresses are never contacted.
const connects: string[] = [];
const onConnect = (message: unknown) => {
  const p = (message as { connectParams: { hostname: string; port: string } }).connectParams;
  connects.push(`${p.hostname}:${p.port}`);
};

let server: FixtureServer;
let fetcher: HttpFetcher | null = null;
let sleeps: number[] = [];

beforeAll(async () => {
  diagnostics.subscribe('undici:client:beforeConnect', onConnect);
  server = await startFixtureServer();
});
afterAll(async () => {
  diagnostics.unsubscribe('undici:client:beforeConnect', onConnect);
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  connects.length = 0;
  sleeps = [];
  server.static('/robots.txt', 'User-agent: *\nDisallow: /private\n', 'text/plain');
});
afterEach(async () => {
  await fetcher?.close();
  fetcher = null;
});

function config(overrides: Partial<FetchConfig> = {}): FetchConfig {
  return {
    userAgent: 'kiemtin-test/1.0 (+https://example.org/bot)',
    timeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 5,
    hostConcurrency: 4,
    hostMinDelayMs: 0,
    retries: 2,
    respectRobots: true,
    allowHosts: ['127.0.0.1'],
    ...overrides,
  };
}

function make(overrides: Partial<FetchConfig> = {}, deps: HttpFetcherDeps = {}): HttpFetcher {
  fetcher = createHttpFetcher(config(overrides), {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...deps,
  });
  return fetcher;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}

const pageRequests = () => server.requests.filter((r) => !r.startsWith('GET /robots.txt'));

describe('HTTP fetcher', () => {
  it('fetches a page with the configured user agent and reports what it got', async () => {
    let ua = '';
    server.route('/tin/1', (req, res) => {
      ua = req.headers['user-agent'] ?? '';
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        etag: '"a1"',
        'last-modified': 'Sat, 01 Mar 2025 00:00:00 GMT',
      });
      res.end('<p>Tiếng Việt</p>');
    });
    const r = await make().fetch(`${server.origin}/tin/1#comments`);
    expect(ua).toBe('kiemtin-test/1.0 (+https://example.org/bot)');
    expect(r).toMatchObject({
      requestedUrl: `${server.origin}/tin/1`,
      url: `${server.origin}/tin/1`,
      status: 200,
      notModified: false,
      mediaType: 'text/html',
      charset: 'utf-8',
      text: '<p>Tiếng Việt</p>',
      etag: '"a1"',
      lastModified: 'Sat, 01 Mar 2025 00:00:00 GMT',
    });
    expect(new TextDecoder().decode(r.body)).toBe('<p>Tiếng Việt</p>');
    expect(connects).toContain(`127.0.0.1:${new URL(server.origin).port}`); // the connection spy works
  });

  it('refuses non-http URLs with FETCH_BAD_URL', async () => {
    const f = make();
    expect((await failure(f.fetch('ftp://example.org/a'))).code).toBe('FETCH_BAD_URL');
    expect((await failure(f.fetch('not a url'))).code).toBe('FETCH_BAD_URL');
    expect((await failure(f.fetch('file:///etc/passwd'))).code).toBe('FETCH_BAD_URL');
  });

  describe('address guard', () => {
    it('refuses loopback when KIEMTIN_ALLOW_HOSTS is empty, without any request', async () => {
      const err = await failure(make({ allowHosts: [] }).fetch(`${server.origin}/tin/1`));
      expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
      expect(err.retryable).toBe(false);
      expect(err.message).toContain(`${server.origin}/tin/1`);
      expect(server.requests).toEqual([]);
      expect(connects).toEqual([]);
    });

    it.each([
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:10.0.0.1]/',
      'http://[fd00::1]/',
    ])('refuses %s before any connection attempt', async (url) => {
      const err = await failure(make().fetch(url));
      expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
      expect(sleeps).toEqual([]); // not retried
      expect(connects).toEqual([]);
    });

    it('refuses a redirect to a private address', async () => {
      server.route(
        '/go',
        (_req, res) => void res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end(),
      );
      const err = await failure(make().fetch(`${server.origin}/go`));
      expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
      expect(connects.some((c) => c.startsWith('10.'))).toBe(false);
    });

    it('connects to the address the guard checked', async () => {
      server.static('/ok', 'ok', 'text/plain');
      const resolve = async (host: string) => {
        if (host === 'fixture.kiemtin.test') return [{ address: '127.0.0.1', family: 4 as const }];
        if (host === 'intranet.kiemtin.test') return [{ address: '10.1.2.3', family: 4 as const }];
        throw new Error(`ENOTFOUND ${host}`);
      };
      const f = make({}, { resolve });
      const port = new URL(server.origin).port;
      const r = await f.fetch(`http://fixture.kiemtin.test:${port}/ok`);
      expect(r.text).toBe('ok');
      expect((await failure(f.fetch(`http://intranet.kiemtin.test:${port}/ok`))).code).toBe(
        'FETCH_BLOCKED_ADDRESS',
      );
    });
  });

  describe('robots.txt', () => {
    it('refuses a disallowed path without requesting it and reads robots.txt once', async () => {
      server.static('/public', 'ok', 'text/plain');
      const f = make();
      const err = await failure(f.fetch(`${server.origin}/private/x`));
      expect(err.code).toBe('FETCH_ROBOTS_DISALLOWED');
      expect(err.retryable).toBe(false);
      await f.fetch(`${server.origin}/public`);
      await f.fetch(`${server.origin}/public`);
      expect(server.requests).toEqual(['GET /robots.txt', 'GET /public', 'GET /public']);
    });

    it('reads robots.txt again when the cached copy expires', async () => {
      server.static('/public', 'ok', 'text/plain');
      const clock = fixedClock(new Date('2025-03-01T00:00:00Z'));
      const f = make({}, { clock, robotsTtlMs: 60_000 });
      await f.fetch(`${server.origin}/public`);
      clock.advance(59_000);
      await f.fetch(`${server.origin}/public`);
      clock.advance(2_000);
      await f.fetch(`${server.origin}/public`);
      expect(server.requests.filter((r) => r === 'GET /robots.txt')).toHaveLength(2);
    });

    it('matches the group of our own user agent token', async () => {
      server.static(
        '/robots.txt',
        'User-agent: kiemtin-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n',
        'text/plain',
      );
      expect((await failure(make().fetch(`${server.origin}/anything`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    });

    it('allows everything when robots.txt is missing', async () => {
      server.route('/robots.txt', (_req, res) => void res.writeHead(404).end());
      server.static('/private/x', 'ok', 'text/plain');
      expect((await make().fetch(`${server.origin}/private/x`)).text).toBe('ok');
    });

    it('treats a robots.txt server error as a temporary, retryable refusal', async () => {
      server.route('/robots.txt', (_req, res) => void res.writeHead(503).end());
      server.static('/page', 'ok', 'text/plain');
      const f = make();
      const err = await failure(f.fetch(`${server.origin}/page`));
      expect(err.code).toBe('FETCH_ROBOTS_DISALLOWED');
      expect(err.retryable).toBe(true);
      expect(sleeps).toEqual([]); // cached for a while: no point retrying at once
      await failure(f.fetch(`${server.origin}/page`));
      expect(server.requests).toEqual(['GET /robots.txt']);
    });

    it('skips robots.txt when respectRobots is false', async () => {
      server.static('/private/x', 'ok', 'text/plain');
      await make({ respectRobots: false }).fetch(`${server.origin}/private/x`);
      expect(server.requests).toEqual(['GET /private/x']);
    });

    it('honours a Crawl-delay larger than the configured delay', async () => {
      server.static('/robots.txt', 'User-agent: *\nCrawl-delay: 0.3\n', 'text/plain');
      const starts: number[] = [];
      server.route('/p', (_req, res) => {
        starts.push(performance.now());
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      const f = make();
      await f.fetch(`${server.origin}/p`);
      await f.fetch(`${server.origin}/p`);
      const [a, b] = starts;
      // Timers may fire a millisecond early; the point is that the second start waited for the delay.
      expect(b! - a!).toBeGreaterThanOrEqual(280);
    });
  });

  it('sends validators and reports 304 as notModified with an empty body', async () => {
    server.route('/feed', (req, res) => {
      if (
        req.headers['if-none-match'] === '"v1"' &&
        req.headers['if-modified-since'] === 'Sat, 01 Mar 2025 00:00:00 GMT'
      ) {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Sat, 01 Mar 2025 00:00:00 GMT',
      });
      res.end('<rss/>');
    });
    const f = make();
    const first = await f.fetch(`${server.origin}/feed`);
    const second = await f.fetch(`${server.origin}/feed`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe('"v1"');
    expect(second.lastModified).toBe('Sat, 01 Mar 2025 00:00:00 GMT');
  });

  it('fails with FETCH_TIMEOUT when a server sends one byte a second', async () => {
    server.route('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 1000);
      res.on('close', () => clearInterval(timer));
    });
    const err = await failure(
      make({ timeoutMs: 1500, retries: 0, respectRobots: false }).fetch(`${server.origin}/slow`),
    );
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('/slow');
  });

  describe('size limit', () => {
    it('stops reading a streamed 50 MB page as soon as the limit is crossed', async () => {
      let sent = 0;
      const total = 50 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 'a');
      server.route('/huge', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: chunked
        let closed = false;
        res.on('close', () => (closed = true));
        const pump = () => {
          while (!closed && sent < total) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!closed) res.end();
        };
        pump();
      });
      const err = await failure(make({ respectRobots: false, retries: 0 }).fetch(`${server.origin}/huge`));
      expect(err.code).toBe('FETCH_TOO_LARGE');
      expect(err.retryable).toBe(false);
      // Only the limit plus what socket buffers held was sent, nowhere near 50 MB.
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    });

    it('refuses a declared Content-Length over the limit without reading the body', async () => {
      server.route('/declared', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        res.write('<html>');
      });
      const err = await failure(make({ respectRobots: false }).fetch(`${server.origin}/declared`));
      expect(err.code).toBe('FETCH_TOO_LARGE');
      expect(err.details?.['contentLength']).toBe(50 * 1024 * 1024);
    });

    it('counts decompressed bytes, so a gzip bomb fails', async () => {
      const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      server.static('/bomb', bomb, 'text/html', { 'content-encoding': 'gzip' });
      const err = await failure(make({ respectRobots: false }).fetch(`${server.origin}/bomb`));
      expect(err.code).toBe('FETCH_TOO_LARGE');
    });
  });

  it('decompresses gzip and brotli bodies', async () => {
    const html = '<h1>Hà Nội mùa thu</h1>'.repeat(50);
    server.static('/gz', gzipSync(html), 'text/html; charset=utf-8', { 'content-encoding': 'gzip' });
    server.static('/br', brotliCompressSync(html), 'text/html; charset=utf-8', { 'content-encoding': 'br' });
    const f = make({ respectRobots: false });
    const gz = await f.fetch(`${server.origin}/gz`);
    expect(gz.text).toBe(html);
    expect(new TextDecoder().decode(gz.body)).toBe(html);
    expect((await f.fetch(`${server.origin}/br`)).text).toBe(html);
  });

  describe('redirects', () => {
    it('follows a redirect and reports the final URL', async () => {
      server.route('/old', (_req, res) => void res.writeHead(301, { location: '/new' }).end());
      server.static('/new', 'moved here', 'text/plain');
      const r = await make().fetch(`${server.origin}/old`);
      expect(r.requestedUrl).toBe(`${server.origin}/old`);
      expect(r.url).toBe(`${server.origin}/new`);
      expect(r.text).toBe('moved here');
    });

    it('detects a redirect loop', async () => {
      server.route('/a', (_req, res) => void res.writeHead(302, { location: '/b' }).end());
      server.route('/b', (_req, res) => void res.writeHead(302, { location: '/a' }).end());
      const err = await failure(make().fetch(`${server.origin}/a`));
      expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
      expect(err.message).toContain('loop');
      expect(pageRequests()).toEqual(['GET /a', 'GET /b']);
    });

    it('stops after maxRedirects hops', async () => {
      for (let i = 0; i < 10; i++)
        server.route(`/r${i}`, (_req, res) => void res.writeHead(302, { location: `/r${i + 1}` }).end());
      const err = await failure(make({ maxRedirects: 3 }).fetch(`${server.origin}/r0`));
      expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
      expect(pageRequests()).toEqual(['GET /r0', 'GET /r1', 'GET /r2', 'GET /r3']);
    });

    it('checks robots.txt on the redirect target', async () => {
      server.route('/jump', (_req, res) => void res.writeHead(302, { location: '/private/page' }).end());
      expect((await failure(make().fetch(`${server.origin}/jump`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    });
  });

  describe('charsets', () => {
    it('decodes a windows-1258 page to NFC text', async () => {
      // "Việt Nam" and "Tiếng" in windows-1258: precomposed ê (EA) plus combining tone bytes F2 and EC.
      const body = Buffer.concat([
        Buffer.from('<html><head><meta charset="windows-1258"></head><body>', 'latin1'),
        Buffer.from([
          0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d, 0x20, 0x54, 0x69, 0xea, 0xec, 0x6e, 0x67,
        ]),
        Buffer.from('</body></html>', 'latin1'),
      ]);
      server.static('/cp1258', body, 'text/html');
      const r = await make().fetch(`${server.origin}/cp1258`);
      expect(r.charset).toBe('windows-1258');
      expect(r.text).toContain('Việt Nam Tiếng');
      expect(r.text).toBe(r.text.normalize('NFC'));
      expect(Buffer.from(r.body).equals(body)).toBe(true); // raw bytes kept as evidence
    });

    it('fails with DECODE_UNKNOWN_CHARSET naming the URL', async () => {
      server.static(
        '/weird',
        Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74]),
        'text/html; charset=x-no-such-charset',
      );
      const err = await failure(make().fetch(`${server.origin}/weird`));
      expect(err.code).toBe('DECODE_UNKNOWN_CHARSET');
      expect(err.message).toContain(`${server.origin}/weird`);
    });

    it('keeps binary bodies as bytes without decoding them', async () => {
      server.static('/img', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]), 'image/png');
      const r = await make().fetch(`${server.origin}/img`);
      expect(r.body.length).toBe(5);
      expect(r.text).toBe('');
    });
  });

  describe('retries', () => {
    it('retries a 503 and succeeds', async () => {
      let calls = 0;
      server.route('/flaky', (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(503).end('busy');
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      const r = await make().fetch(`${server.origin}/flaky`);
      expect(r.text).toBe('ok');
      expect(pageRequests()).toEqual(['GET /flaky', 'GET /flaky']);
      expect(sleeps).toHaveLength(1);
    });

    it('does not retry a 404', async () => {
      const err = await failure(make().fetch(`${server.origin}/missing`));
      expect(err.code).toBe('FETCH_HTTP_STATUS');
      expect(err.details).toMatchObject({ status: 404, attempts: 1 });
      expect(err.retryable).toBe(false);
      expect(err.message).toContain(`${server.origin}/missing`);
      expect(pageRequests()).toEqual(['GET /missing']);
      expect(sleeps).toEqual([]);
    });

    it('waits as long as a 429 Retry-After asks', async () => {
      let calls = 0;
      server.route('/limited', (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(429, { 'retry-after': '7' }).end();
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      await make().fetch(`${server.origin}/limited`);
      expect(sleeps).toEqual([7000]);
    });

    it('backs off exponentially, gives up after `retries`, and makes a dead letter', async () => {
      server.route('/down', (_req, res) => void res.writeHead(500).end());
      const err = await failure(make({ retries: 3 }).fetch(`${server.origin}/down`));
      expect(err.code).toBe('FETCH_HTTP_STATUS');
      expect(err.retryable).toBe(true);
      expect(pageRequests()).toHaveLength(4);
      expect(sleeps).toHaveLength(3);
      expect(sleeps[1]!).toBe(sleeps[0]! * 2);
      expect(sleeps[2]!).toBe(sleeps[1]! * 2);
      const dead = toDeadLetter(`${server.origin}/down`, err);
      expect(dead).toMatchObject({
        url: `${server.origin}/down`,
        code: 'FETCH_HTTP_STATUS',
        retryable: true,
        attempts: 4,
      });
      expect(dead.reason).toContain('HTTP 500');
      expect(dead.at).toBeInstanceOf(Date);
    });

    it('retries a network failure', async () => {
      let calls = 0;
      server.route('/reset', (req, res) => {
        calls++;
        if (calls === 1) req.socket.destroy();
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      expect((await make({ respectRobots: false }).fetch(`${server.origin}/reset`)).text).toBe('ok');
      expect(sleeps).toHaveLength(1);
    });
  });

  describe('per-host limits', () => {
    it('keeps at most hostConcurrency requests in flight to one host', async () => {
      let current = 0;
      let max = 0;
      server.route('/work', (_req, res) => {
        current++;
        max = Math.max(max, current);
        setTimeout(() => {
          current--;
          res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
        }, 100);
      });
      const f = make({ hostConcurrency: 2, respectRobots: false });
      const results = await Promise.all(Array.from({ length: 6 }, () => f.fetch(`${server.origin}/work`)));
      expect(results.every((r) => r.text === 'done')).toBe(true);
      expect(max).toBe(2);
    });

    it('does not hold up other hosts while one is busy', async () => {
      const other = await startFixtureServer();
      try {
        let releaseSlow: () => void = () => undefined;
        server.route('/hold', (_req, res) => {
          releaseSlow = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('slow');
        });
        other.static('/quick', 'quick', 'text/plain');
        const f = make({ hostConcurrency: 1, respectRobots: false });
        const slow = f.fetch(`${server.origin}/hold`);
        const queued = f.fetch(`${server.origin}/hold`);
        const quick = await f.fetch(`${other.origin}/quick`);
        expect(quick.text).toBe('quick');
        expect(server.requests).toEqual(['GET /hold']); // the second waits for the slot
        releaseSlow();
        expect((await slow).text).toBe('slow');
        while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 10));
        releaseSlow();
        expect((await queued).text).toBe('slow');
      } finally {
        await other.close();
      }
    });
  });
});
