import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { crawlDue } from '../../pipeline/crawl.js';
import { emptyPushReport, ingestPushed, pushErrorOf } from '../../pipeline/push.js';
import { startScheduler } from '../../pipeline/scheduler.js';
import { readJsonLines, type PushedItem } from '../../sources/jsonl.js';
import { listDueSources, listSources, requireOutlet } from '../../store/outlets.js';
import { printJson, progressBar, withContext } from '../shared.js';

export function registerCrawlCommands(program: Command): void {
  program
    .command('crawl')
    .description('crawl the sources that are due (with --once: one pass, then exit; without: keep crawling on schedule)')
    .option('--outlet <id>', 'only this outlet (with --once: all its sources, due or not)')
    .option('--once', 'one pass, then exit')
    .option('--json', 'print the report as JSON')
    .action(async (f: { outlet?: string; once?: boolean; json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        if (f.outlet) await requireOutlet(ctx.db, f.outlet);
        if (!f.once) {
          const scheduler = startScheduler(ctx);
          console.error('kiemtin: crawling on schedule; Ctrl-C to stop');
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await scheduler.stop();
          return;
        }
        const total = f.outlet ? (await listSources(ctx.db, f.outlet)).length : (await listDueSources(ctx.db, ctx.clock.now())).length;
        const bar = progressBar('crawl', total);
        const report = await crawlDue(ctx, { ...(f.outlet ? { outletId: f.outlet, all: true } : {}), onSource: (s) => bar.tick(1, s.url) });
        bar.stop();
        if (f.json) printJson(report);
        else
          console.log(
            `${report.sources} source(s): ${report.inserted} new, ${report.changed} changed, ${report.unchanged} unchanged document(s); ` +
              `${report.findings} finding(s); ${report.notModified} not modified; ${report.deadLetters} dead letter(s)`,
          );
        if (report.deadLetters > 0) process.exitCode = 1;
      });
    });

  program
    .command('import <file>')
    .description('import a JSON-lines file of posts and comments (schema: docs/sources.md); bad lines are reported, the rest stored')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, f: { json?: boolean }, cmd: Command) => {
      const info = await stat(file).catch((err: unknown) => {
        throw new AppError('INVALID_INPUT', `${file}: cannot read (${(err as Error).message})`);
      });
      await withContext(cmd, async (ctx) => {
        const report = emptyPushReport();
        const bar = progressBar('import', info.size);
        let batch: Array<{ at: number; value: PushedItem }> = [];
        const flush = async () => {
          await ingestPushed(ctx, batch, report);
          batch = [];
        };
        const stream = createReadStream(file);
        stream.on('data', (chunk) => bar.tick(chunk.length));
        for await (const r of readJsonLines(stream)) {
          if (r.ok) batch.push({ at: r.line, value: r.value });
          else {
            report.received++;
            report.errors.push(pushErrorOf(r.line, r.error));
          }
          if (batch.length >= 1000) await flush();
        }
        await flush();
        bar.stop();
        if (f.json) printJson(report);
        else {
          console.log(
            `${report.received} item(s): ${report.inserted} new, ${report.changed} changed, ${report.unchanged} unchanged; ${report.findings} finding(s); ${report.errors.length} refused`,
          );
          for (const e of report.errors.slice(0, 50)) console.error(`  line ${e.at}: ${e.message} [${e.code}]`);
          if (report.errors.length > 50) console.error(`  … and ${report.errors.length - 50} more (use --json)`);
        }
        if (report.errors.length > 0) process.exitCode = 1;
      });
    });
}
