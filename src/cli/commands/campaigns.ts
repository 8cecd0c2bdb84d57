import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { getCampaign, listCampaigns } from '../../store/campaigns.js';
import { printJson, withContext } from '../shared.js';

const when = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) : '?');

export function registerCampaignCommands(program: Command): void {
  const c = program.command('campaigns').description('copy-paste campaigns: clusters of near-duplicate posts and comments');
  c.command('list')
    .description('list campaigns, largest first')
    .option('--min-size <n>', 'only clusters of at least n documents', '2')
    .option('--limit <n>', 'at most n campaigns', '50')
    .option('--json', 'print JSON')
    .action(async (f: { minSize: string; limit: string; json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const list = await listCampaigns(ctx.db, { minSize: Number(f.minSize), limit: Number(f.limit) });
        if (f.json) return printJson(list);
        if (list.length === 0) return console.log('no campaigns');
        for (const x of list) {
          console.log(
            `${x.id}  ${x.size} docs, ${x.distinctAuthors} accounts, ${x.distinctOutlets} outlets, peak ${x.burstPerMinute}/min, ${when(x.firstSeen)} → ${when(x.lastSeen)}`,
          );
          console.log(`    “${x.representativeText.slice(0, 120)}”`);
        }
      });
    });
  c.command('show <id>')
    .description('show one campaign (its id, or the id of any member document) with its members and timeline')
    .option('--json', 'print JSON')
    .action(async (id: string, f: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const r = await getCampaign(ctx.db, id);
        if (!r) throw new AppError('NOT_FOUND', `No campaign with id "${id}" (nor one containing that document)`);
        if (f.json) return printJson(r);
        const x = r.campaign;
        console.log(`campaign ${x.id}: ${x.size} documents, ${x.distinctTexts} distinct texts, ${x.distinctAuthors} accounts, ${x.distinctOutlets} outlets`);
        console.log(`  ${when(x.firstSeen)} → ${when(x.lastSeen)}, peak ${x.burstPerMinute} posts/minute`);
        console.log(`  representative: “${x.representativeText}”`);
        for (const m of r.members) console.log(`  ${when(m.publishedAt)}  ${(m.author ?? '?').padEnd(24)} ${m.outletId ?? ''}  ${m.text.replace(/\s+/g, ' ').slice(0, 100)}`);
      });
    });
}
