import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createContext } from '../../context.js';
import { loadDemo } from '../../pipeline/demo/load.js';
import { loadReviewDemo } from '../../review/demo.js';
import { createUser } from '../../review/users.js';
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
        // The reviewer UI signs people in with an account: one demo admin, its password shown once.
        const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', 'demo-admin').executeTakeFirst();
        if (taken) console.error('demo: reviewer UI at /ui/: sign in as demo-admin (password shown when it was created) or add an account with `kiemtin users add`');
        else {
          const password = randomBytes(12).toString('base64url');
          await createUser({ db: ctx.db, clock: ctx.clock }, { username: 'demo-admin', displayName: 'Demo (quản trị)', role: 'admin', password }, 'system:demo');
          console.error(`demo: reviewer UI at http://${ctx.config.http.host}:${ctx.config.http.port}/ui/ — sign in as demo-admin, password ${password}`);
        }
        await runServer(ctx, { scheduler: false });
      } finally {
        await ctx.close();
      }
    });
}
