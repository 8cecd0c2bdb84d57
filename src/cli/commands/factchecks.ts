import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { toClaimReviewJsonLd, toSimpleJson, type FactCheck } from '../../detect/claims/index.js';
import { importFactChecks, loadFactChecks, requireFactCheck } from '../../pipeline/factchecks.js';
import { printJson, withContext } from '../shared.js';

async function readJsonFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((err: unknown) => {
    throw new AppError('INVALID_INPUT', `${path}: cannot read (${(err as Error).message})`);
  });
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('PARSE_JSON', `${path}: not JSON (${(err as Error).message})`, { cause: err });
  }
}

function describe(f: FactCheck): string {
  return [
    `${f.externalId ?? f.id}  [${f.verdict}${f.ratingLabel ? ` — ${f.ratingLabel}` : ''}] (${f.status})`,
    `  claim:      ${f.claim}`,
    `  correction: ${f.correction}`,
    ...(f.authorOrg ? [`  by:         ${f.authorOrg}${f.reviewDate ? `, ${f.reviewDate}` : ''}`] : []),
    ...f.evidenceLinks.map((l) => `  evidence:   ${l}`),
    ...(f.url ? [`  url:        ${f.url}`] : []),
    ...f.history.map((h) => `  history:    ${h.at ?? '?'} ${h.action}${h.by ? ` by ${h.by}` : ''}${h.note ? ` — ${h.note}` : ''}`),
  ].join('\n');
}

export function registerFactCheckCommands(program: Command): void {
  const fc = program.command('factchecks').description('the fact-check registry that posts are matched against');
  fc.command('import <file>')
    .description('import a JSON array of {"id","claim","verdict","correction"} or ClaimReview JSON-LD; duplicates merge')
    .option('--by <name>', 'who imports (kept in the history)', 'cli')
    .action(async (file: string, f: { by: string }, cmd: Command) => {
      const json = await readJsonFile(file);
      await withContext(cmd, async (ctx) => {
        const r = await importFactChecks(ctx, json, f.by);
        console.log(`${r.added.length} added, ${r.merged.length} merged into existing entries; ${r.total} in the registry`);
      });
    });
  fc.command('list')
    .description('list fact-checks')
    .option('--status <status>', 'draft, published or withdrawn')
    .option('--json', 'print JSON')
    .action(async (f: { status?: string; json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const list = await loadFactChecks(ctx.db, f.status ? { status: f.status } : {});
        if (f.json) return printJson(list);
        if (list.length === 0) return console.log('no fact-checks yet: import some with `kiemtin factchecks import FILE`');
        for (const x of list) console.log(`${(x.externalId ?? x.id).padEnd(20)} ${x.verdict.padEnd(10)} ${x.status.padEnd(9)} ${x.claim.slice(0, 90)}`);
      });
    });
  fc.command('show <id>')
    .description('show one fact-check (internal or external id)')
    .option('--json', 'print JSON')
    .action(async (id: string, f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const x = await requireFactCheck(ctx.db, id);
        if (f.json) printJson(x);
        else console.log(describe(x));
      });
    });
  fc.command('export')
    .description('export the registry as JSON or schema.org ClaimReview JSON-LD')
    .option('--format <format>', 'json or claimreview', 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--all', 'include drafts and withdrawn fact-checks in ClaimReview output')
    .action(async (f: { format: string; out?: string; all?: boolean }, cmd: Command) => {
      if (f.format !== 'json' && f.format !== 'claimreview') throw new AppError('INVALID_INPUT', '--format: json or claimreview');
      await withContext(cmd, async (ctx) => {
        const list = await loadFactChecks(ctx.db);
        const out = f.format === 'json' ? toSimpleJson(list) : toClaimReviewJsonLd(list, { includeUnpublished: f.all === true });
        const text = JSON.stringify(out, null, 2) + '\n';
        if (f.out) await writeFile(f.out, text);
        else process.stdout.write(text);
      });
    });
}
