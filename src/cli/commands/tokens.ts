import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { ROLES, type Role } from '../../core/permissions.js';
import { createToken, revokeToken } from '../../store/tokens.js';
import { withContext } from '../shared.js';

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for machines and the push API');
  tokens
    .command('create')
    .description('create a token and print it once (only its hash is stored)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'admin')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--outlet <id>', 'bind a push token to one outlet')
    .action(async (f: { role: string; name: string; outlet?: string }, cmd: Command) => {
      if (!(ROLES as readonly string[]).includes(f.role)) throw new AppError('INVALID_INPUT', `--role: must be one of ${ROLES.join(', ')}`);
      await withContext(cmd, async (ctx) => {
        const t = await createToken(ctx.db, { name: f.name, role: f.role as Role, outletId: f.outlet ?? null, now: ctx.clock.now() });
        console.log(t.token);
        console.error(`token #${t.id} (${f.role}) created; store it now, it is not shown again`);
      });
    });
  tokens
    .command('revoke <id>')
    .description('revoke a token by its number')
    .action(async (id: string, _f: unknown, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const ok = await revokeToken(ctx.db, Number(id), ctx.clock.now());
        if (!ok) throw new AppError('NOT_FOUND', `No active token #${id}`);
        console.log(`revoked #${id}`);
      });
    });
}
