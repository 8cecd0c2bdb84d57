import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { outletInputSchema, outletPatchSchema } from '../../core/outlet-input.js';
import { OUTLET_TYPES, SOURCE_KINDS, type Outlet } from '../../core/types.js';
import { parseInput } from '../../core/validate.js';
import { createOutlet, listOutlets, removeOutlet, requireOutlet, updateOutlet } from '../../store/outlets.js';
import { collect, printJson, withContext } from '../shared.js';

interface OutletFlags {
  id?: string;
  type?: string;
  name?: string;
  homeUrl?: string;
  licenceNumber?: string;
  licenceIssuer?: string;
  responsiblePerson?: string;
  noticeContact?: string;
  status?: string;
  source?: string[];
  interval?: string;
  maxPages?: string;
  comments?: boolean;
}

function parseSources(list: string[] | undefined) {
  return list?.map((s, i) => {
    const eq = s.indexOf('=');
    if (eq < 1) throw new AppError('INVALID_INPUT', `--source #${i + 1}: write KIND=URL with KIND one of ${SOURCE_KINDS.join(', ')}`);
    return { kind: s.slice(0, eq), url: s.slice(eq + 1) };
  });
}

function crawlFrom(f: OutletFlags) {
  if (f.interval === undefined && f.maxPages === undefined && f.comments === undefined) return undefined;
  return {
    intervalMinutes: f.interval === undefined ? 60 : Number(f.interval),
    maxPages: f.maxPages === undefined ? 50 : Number(f.maxPages),
    comments: f.comments ?? true,
  };
}

function describe(o: Outlet): string {
  const lines = [
    `${o.id}  ${o.name}  (${o.type}, ${o.status})`,
    `  home:        ${o.homeUrl}`,
    `  licence:     ${o.licenceNumber ?? '-'}${o.licenceIssuer ? ` (${o.licenceIssuer})` : ''}`,
    `  responsible: ${o.responsiblePerson ?? '-'}`,
    `  notices to:  ${o.noticeContact ?? '-'}`,
    `  crawl:       every ${o.crawl.intervalMinutes} min, up to ${o.crawl.maxPages} pages, comments ${o.crawl.comments ? 'on' : 'off'}`,
    ...o.sources.map((s) => `  source:      ${s.kind} ${s.url}`),
  ];
  return lines.join('\n');
}

const addFlags = (cmd: Command) =>
  cmd
    .option('--licence-number <no>', 'licence (giấy phép) number')
    .option('--licence-issuer <who>', 'authority that issued the licence')
    .option('--responsible-person <name>', 'person responsible for the content')
    .option('--notice-contact <contact>', 'e-mail or address for notices')
    .option('--source <kind=url>', `a source to crawl, repeatable; kind: ${SOURCE_KINDS.join('|')}`, collect)
    .option('--interval <minutes>', 'minutes between crawls (default 60)')
    .option('--max-pages <n>', 'article pages fetched per crawl (default 50)')
    .option('--no-comments', 'do not fetch comments');

export function registerOutletCommands(program: Command): void {
  const outlets = program.command('outlets').description('the registry of outlets (sites, blogs, pages) and their sources');

  addFlags(
    outlets
      .command('add')
      .description('register an outlet')
      .requiredOption('--type <type>', `one of ${OUTLET_TYPES.join(', ')}`)
      .requiredOption('--name <name>', 'display name')
      .requiredOption('--home-url <url>', 'home page URL')
      .option('--id <id>', 'id to use (default: from the home URL host)')
      .option('--json', 'print the outlet as JSON'),
  ).action(async (f: OutletFlags & { json?: boolean }, cmd: Command) => {
    const input = parseInput(outletInputSchema, {
      id: f.id,
      type: f.type,
      name: f.name,
      homeUrl: f.homeUrl,
      licenceNumber: f.licenceNumber,
      licenceIssuer: f.licenceIssuer,
      responsiblePerson: f.responsiblePerson,
      noticeContact: f.noticeContact,
      sources: parseSources(f.source) ?? [],
      crawl: crawlFrom(f),
    });
    await withContext(cmd, async (ctx) => {
      const o = await createOutlet(ctx.db, input, ctx.clock.now());
      if (f.json) printJson(o);
      else console.log(`added\n${describe(o)}`);
    });
  });

  addFlags(
    outlets
      .command('update <id>')
      .description('change an outlet; only the given fields change (--source replaces all sources)')
      .option('--type <type>', `one of ${OUTLET_TYPES.join(', ')}`)
      .option('--name <name>', 'display name')
      .option('--home-url <url>', 'home page URL')
      .option('--status <status>', 'active, paused or retired'),
  ).action(async (id: string, f: OutletFlags, cmd: Command) => {
    const patch = parseInput(
      outletPatchSchema,
      Object.fromEntries(
        Object.entries({
          type: f.type,
          name: f.name,
          homeUrl: f.homeUrl,
          licenceNumber: f.licenceNumber,
          licenceIssuer: f.licenceIssuer,
          responsiblePerson: f.responsiblePerson,
          noticeContact: f.noticeContact,
          status: f.status,
          sources: parseSources(f.source),
          crawl: crawlFrom(f),
        }).filter(([, v]) => v !== undefined),
      ),
    );
    await withContext(cmd, async (ctx) => console.log(describe(await updateOutlet(ctx.db, id, patch, ctx.clock.now()))));
  });

  outlets
    .command('list')
    .description('list outlets')
    .option('--json', 'print JSON')
    .action(async (f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const list = await listOutlets(ctx.db);
        if (f.json) return printJson(list);
        if (list.length === 0) return console.log('no outlets yet: add one with `kiemtin outlets add`');
        for (const o of list) console.log(`${o.id.padEnd(24)} ${o.type.padEnd(13)} ${o.status.padEnd(8)} ${o.name}`);
      });
    });

  outlets
    .command('show <id>')
    .description('show one outlet')
    .option('--json', 'print JSON')
    .action(async (id: string, f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const o = await requireOutlet(ctx.db, id);
        if (f.json) printJson(o);
        else console.log(describe(o));
      });
    });

  outlets
    .command('remove <id>')
    .description('remove an outlet; one with stored documents is retired instead, so no evidence is lost')
    .action(async (id: string, _f: unknown, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const r = await removeOutlet(ctx.db, id, ctx.clock.now());
        console.log(r === 'deleted' ? `removed ${id}` : `${id} has stored documents: retired it instead (documents kept)`);
      });
    });
}
