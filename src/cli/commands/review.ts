import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { Role } from '../../core/permissions.js';
import { runComplianceChecks } from '../../review/compliance.js';
import { queuePage, triageFindings } from '../../review/cases.js';
import { evidencePack } from '../../review/evidence.js';
import { reportCsv, reportHtml, transparencyReport } from '../../review/report.js';
import { createUser, USER_ROLES } from '../../review/users.js';
import { verifyAuditChain } from '../../store/review/audit.js';
import { printJson, withContext } from '../shared.js';

const CLI_ACTOR = 'cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseDate(name: string, value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new AppError('INVALID_INPUT', `${name}: "${value}" is not a date (use YYYY-MM-DD or ISO 8601)`);
  return d;
}

/** `audit verify`, `users add|list`, `report transparency`, `review triage|queue|compliance|evidence`. */
export function registerReviewCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the whole chain; exits 0 when intact, 1 naming the first bad entry')
    .option('--json', 'print the result as JSON')
    .action(async (f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const r = await verifyAuditChain(ctx.db);
        if (f.json) printJson(r);
        if (!r.ok) throw new AppError('AUDIT_CHAIN_BROKEN', `audit log entry ${r.firstBad?.id} does not verify: ${r.firstBad?.reason}`, { details: { ...r.firstBad } });
        if (!f.json) console.log(`audit log intact: ${r.entries} entries, last hash ${r.lastHash}`);
      });
    });

  const users = program.command('users').description('local accounts for people (machines use `tokens`)');
  users
    .command('add <username>')
    .description('create an account; the password is read from stdin with --password-stdin, otherwise generated and printed once')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, f: { role: string; name?: string; passwordStdin?: boolean }, cmd: Command) => {
      if (!(USER_ROLES as readonly string[]).includes(f.role)) throw new AppError('INVALID_INPUT', `--role: must be one of ${USER_ROLES.join(', ')}`);
      const password = f.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : randomBytes(15).toString('base64url');
      await withContext(cmd, async (ctx) => {
        const u = await createUser({ db: ctx.db, clock: ctx.clock }, { username, displayName: f.name, role: f.role as Role, password }, CLI_ACTOR);
        console.error(`user ${u.username} (${u.role}) created`);
        if (!f.passwordStdin) console.log(password);
      });
    });

  const report = program.command('report').description('reports');
  report
    .command('transparency')
    .description('counts by category, detection source, action, outcome, legal basis; appeals, reversals; median time to decision')
    .requiredOption('--from <date>', 'start of the period (inclusive)')
    .requiredOption('--to <date>', 'end of the period (exclusive)')
    .option('--format <format>', 'json, csv or html', 'json')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (f: { from: string; to: string; format: string; output?: string }, cmd: Command) => {
      if (!['json', 'csv', 'html'].includes(f.format)) throw new AppError('INVALID_INPUT', '--format: must be json, csv or html');
      const from = parseDate('--from', f.from);
      const to = parseDate('--to', f.to);
      await withContext(cmd, async (ctx) => {
        const r = await transparencyReport({ db: ctx.db, clock: ctx.clock }, from, to);
        const text = f.format === 'csv' ? reportCsv(r) : f.format === 'html' ? reportHtml(r) : JSON.stringify(r, null, 2) + '\n';
        if (f.output) await writeFile(f.output, text);
        else process.stdout.write(text);
      });
    });

  const review = program.command('review').description('the review queue and enforcement');
  review
    .command('triage')
    .description('open cases from findings at or above a score')
    .option('--min-score <score>', 'lowest finding score that opens a case', '0.5')
    .action(async (f: { minScore: string }, cmd: Command) => {
      const minScore = Number(f.minScore);
      if (!(minScore >= 0 && minScore <= 1)) throw new AppError('INVALID_INPUT', '--min-score: must be between 0 and 1');
      await withContext(cmd, async (ctx) => printJson(await triageFindings({ db: ctx.db, clock: ctx.clock }, { minScore, actor: CLI_ACTOR })));
    });
  review
    .command('queue')
    .description('list the open queue by priority')
    .option('--limit <n>', 'how many', '20')
    .action(async (f: { limit: string }, cmd: Command) => {
      const limit = Number(f.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError('INVALID_INPUT', '--limit: must be 1..500');
      await withContext(cmd, async (ctx) => {
        const page = await queuePage({ db: ctx.db, clock: ctx.clock }, {}, { actor: CLI_ACTOR, limit });
        for (const c of page.items) console.log(`${c.number}\t${c.priority.toFixed(3)}\t${c.category}\t${c.state}\t${c.url ?? c.subjectRef}`);
      });
    });
  review
    .command('compliance')
    .description('fetch again the URLs of takedown requests past their deadline and record what was found')
    .action(async (_f: unknown, cmd: Command) => {
      await withContext(cmd, async (ctx) => printJson(await runComplianceChecks({ db: ctx.db, clock: ctx.clock, fetcher: ctx.fetcher }, { actor: CLI_ACTOR })));
    });
  review
    .command('evidence <case>')
    .description('write the evidence pack of a case (.tar.gz)')
    .option('-o, --output <file>', 'file to write (default <case>-evidence.tar.gz)')
    .action(async (ref: string, f: { output?: string }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const pack = await evidencePack({ db: ctx.db, clock: ctx.clock }, ref);
        await writeFile(f.output ?? pack.fileName, pack.archive);
        console.error(`wrote ${f.output ?? pack.fileName} (${pack.archive.length} bytes)`);
      });
    });
}
