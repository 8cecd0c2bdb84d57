import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route handler of the fixture server: plain node:http, so tests can misbehave on purpose. */
export type FixtureHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface FixtureServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly origin: string;
  /** Adds or replaces the handler of an exact path (query string ignored unless the route has one). */
  route(path: string, handler: FixtureHandler): void;
  /** Serves a fixed body with a content type. */
  static(path: string, body: string | Uint8Array, contentType?: string, headers?: Record<string, string>): void;
  /** Requests seen, in order, as "METHOD /path?query". */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 with a random port. Only loopback is ever a target in tests.
 * Unknown paths answer 404.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureHandler>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(`${req.method ?? 'GET'} ${url}`);
    const handler = routes.get(url) ?? routes.get(url.split('?')[0] ?? url);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route(path, handler) {
      routes.set(path, handler);
    },
    static(path, body, contentType = 'text/html; charset=utf-8', headers = {}) {
      routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': contentType, ...headers });
        res.end(body);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
