import type { Command } from 'commander';
import { createContext } from '../../context.js';
import { loadDemo } from '../../pipeline/demo/load.js';
import { loadReviewDemo } from '../../review/demo.js';
import { createToken } from '../../store/tokens.js';
import { configFrom } from '../shared.js';
import { runServer } from './serve.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demo data set (made-up Vietnamese outlets, posts and comments) into the store and start `serve`')
    .option('--port <port>', 'port (env KIEMTIN_PORT, default 8080)')
    .option('--no-serve', 'only load the data')
    .action(async (f: { port?: string; serve?: boolean }, cmd: Command) => {
      const ctx = await createContext(configFrom(cmd, f.port ? { port: Number(f.port) } : {}));
      try {
        const r = await loadDemo(ctx);
        console.error(`demo: ${r.outlets} outlets added, ${r.documents} documents stored, ${r.findings} findings (store: ${ctx.store.kind}, ${ctx.config.databaseUrl ? 'server' : ctx.config.dataDir})`);
        const review = await loadReviewDemo({ db: ctx.db, clock: ctx.clock });
        console.error(`demo: review data: ${JSON.stringify(review)}`);
        if (f.serve === false) return;
        const { token } = await createToken(ctx.db, { name: 'demo', role: 'admin', outletId: null, now: ctx.clock.now() });
        console.error(`demo: admin token for the API: ${token}`);
        console.error(`demo: try  curl -H "Authorization: Bearer ${token}" http://${ctx.config.http.host}:${ctx.config.http.port}/api/v1/findings`);
        await runServer(ctx, { scheduler: false });
      } finally {
        await ctx.close();
      }
    });
}
