import type { Server } from 'node:http';
import type { Command } from 'commander';
import { serve as listen } from '@hono/node-server';
import { createApp } from '../../api/app.js';
import type { AppContext } from '../../context.js';
import { startScheduler } from '../../pipeline/scheduler.js';
import { configFrom } from '../shared.js';
import { createContext } from '../../context.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  scheduler?: boolean;
}

/** Starts the HTTP API and the crawl scheduler; resolves when the server has stopped (SIGINT/SIGTERM). */
export async function runServer(ctx: AppContext, f: { scheduler: boolean }): Promise<void> {
  const { app } = createApp(ctx);
  const server = <Server>listen({ fetch: app.fetch, hostname: ctx.config.http.host, port: ctx.config.http.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.http.port;
  const scheduler = f.scheduler ? startScheduler(ctx) : null;
  console.error(`kiemtin: listening on http://${ctx.config.http.host}:${port} (store: ${ctx.store.kind}; OpenAPI at /openapi.json)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.error('kiemtin: stopping');
      void (async () => {
        await scheduler?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      })();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (OpenAPI at /openapi.json) and the crawl scheduler')
    .option('--port <port>', 'port (env KIEMTIN_PORT, default 8080)')
    .option('--host <host>', 'address to bind (env KIEMTIN_HOST, default 127.0.0.1)')
    .option('--no-scheduler', 'do not crawl on schedule')
    .action(async (f: ServeFlags, cmd: Command) => {
      const ctx = await createContext(configFrom(cmd, { ...(f.port ? { port: Number(f.port) } : {}), ...(f.host ? { host: f.host } : {}) }));
      try {
        await runServer(ctx, { scheduler: f.scheduler !== false });
      } finally {
        await ctx.close();
      }
    });
}
