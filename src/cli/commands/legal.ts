import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, toAppError } from '../../core/errors.js';
import { addProvision, exportRegistry, listProvisions, reviseProvision, showProvision, type ProvisionView } from '../../review/legal-registry-store.js';
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

const day = (s: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(new Date(`${s}T00:00:00Z`).getTime())) throw new AppError('INVALID_INPUT', `--at: must be a date YYYY-MM-DD, not "${s}"`);
  // Noon in Vietnam on that day: the day itself whatever the machine's zone.
  return new Date(`${s}T05:00:00Z`);
};

const inForceWindow = (p: ProvisionView) => `${p.validFrom} → ${p.validTo ?? '…'}`;

function describe(p: ProvisionView): string {
  return [
    `${p.id}  (revision ${p.revision}, ${p.revisedAt.slice(0, 10)} by ${p.revisedBy})${p.unverified ? '  [CHƯA XÁC MINH]' : ''}`,
    `  citation:   ${p.citation}`,
    `  authority:  ${p.authority}`,
    `  in force:   ${inForceWindow(p)}${p.replacedBy ? `, replaced by ${p.replacedBy}` : ''}`,
    `  categories: ${p.categories?.join(', ') ?? 'any'}`,
    ...(p.takedownHours !== null ? [`  takedown:   ${p.takedownHours} h`] : []),
    `  summary:    ${p.summaryVi}`,
    ...(p.note ? [`  note:       ${p.note}`] : []),
  ].join('\n');
}

/** `kiemtin legal list|show|add|revise|export`: the legal-basis registry (docs/legal-registry.md). */
export function registerLegalCommands(program: Command): void {
  const legal = program.command('legal').description('the legal-basis registry that decisions cite (versioned; every change is a revision)');
  legal
    .command('list')
    .description('list the provisions (current revision), or those in force on a day')
    .option('--at <YYYY-MM-DD>', 'only provisions in force on this day (Vietnam time)')
    .option('--json', 'print JSON')
    .action(async (f: { at?: string; json?: boolean }, cmd: Command) => {
      const at = f.at ? day(f.at) : undefined;
      await withContext(cmd, async (ctx) => {
        const r = await listProvisions({ db: ctx.db, clock: ctx.clock }, at ? { at } : {});
        if (f.json) return printJson(r);
        console.log(`registry version ${r.version} (${r.registryVersion}), ${r.provisions.length} provisions${f.at ? ` in force on ${f.at}` : ''}`);
        for (const p of r.provisions) console.log(`${p.id.padEnd(28)} r${String(p.revision).padEnd(3)} ${inForceWindow(p).padEnd(25)} ${p.unverified ? '?' : ' '} ${p.citation}`);
      });
    });
  legal
    .command('show <id>')
    .description('show one provision with every revision')
    .option('--json', 'print JSON')
    .action(async (id: string, f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const r = await showProvision({ db: ctx.db, clock: ctx.clock }, id);
        if (f.json) return printJson(r);
        console.log(describe(r.provision));
        if (r.replaces.length) console.log(`  replaces:   ${r.replaces.join(', ')}`);
        for (const x of r.revisions) console.log(`  revision ${x.revision}: ${x.revisedAt} by ${x.revisedBy}, registry ${x.registryVersion}${x.reason ? ` — ${x.reason}` : ''}`);
      });
    });
  legal
    .command('add <file>')
    .description('add provisions from a JSON file: one object or an array of them (fields as GET /api/v1/legal-provisions shows; "reason" optional)')
    .option('--by <name>', 'who adds them (the audit log names them "cli:NAME")', 'admin')
    .action(async (file: string, f: { by: string }, cmd: Command) => {
      const json = await readJsonFile(file);
      const items = Array.isArray(json) ? json : [json];
      let failed = 0;
      await withContext(cmd, async (ctx) => {
        // Each provision is its own change: one bad item is reported and the others are still added.
        for (const [i, item] of items.entries()) {
          const where = Array.isArray(json) ? `${file}[${i}]` : file;
          try {
            const r = await addProvision({ db: ctx.db, clock: ctx.clock }, item, `cli:${f.by}`, where);
            console.log(`added ${r.id} (revision 1, registry ${r.registryVersion})`);
          } catch (err) {
            failed++;
            const e = toAppError(err);
            if (e.code === 'INTERNAL') throw err;
            console.error(`${e.message.startsWith(where) ? '' : `${where}: `}${e.message}`);
          }
        }
      });
      if (failed > 0) throw new AppError('INVALID_INPUT', `${failed} of ${items.length} provisions not added (see above)`);
    });
  legal
    .command('revise <id> <file>')
    .description('write a new revision of a provision from a JSON file with the fields that change and a "reason" (record a replacement with validTo + replacedBy)')
    .option('--by <name>', 'who revises it (the audit log names them "cli:NAME")', 'admin')
    .action(async (id: string, file: string, f: { by: string }, cmd: Command) => {
      const json = await readJsonFile(file);
      await withContext(cmd, async (ctx) => {
        const r = await reviseProvision({ db: ctx.db, clock: ctx.clock }, id, json, `cli:${f.by}`, file);
        console.log(`revised ${r.id}: revision ${r.revision}, registry ${r.registryVersion}`);
      });
    });
  legal
    .command('export')
    .description('export the registry as JSON (current revisions; --history adds every revision)')
    .option('--history', 'include every revision of every provision')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (f: { history?: boolean; out?: string }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const text = JSON.stringify(await exportRegistry({ db: ctx.db, clock: ctx.clock }, { history: f.history === true }), null, 2) + '\n';
        if (f.out) await writeFile(f.out, text);
        else process.stdout.write(text);
      });
    });
}
