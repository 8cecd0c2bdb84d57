import type { Outlet, OutletSource, Snapshot, SourceItem } from '../core/types.js';
import type { Fetcher } from '../sources/fetcher.js';
import { toDeadLetter } from '../sources/fetch/dead-letter.js';
import { addDeadLetter } from '../store/dead-letters.js';
import { getOutlet, listDueSources, listSources, recordSourceCrawl, type SourceState } from '../store/outlets.js';
import { ingestBatch, type CrawlDeps } from './ingest.js';
import { collectSource } from './collect.js';

export interface CrawlReport {
  sources: number;
  batches: number;
  inserted: number;
  changed: number;
  unchanged: number;
  findings: number;
  deadLetters: number;
  notModified: number;
}

export function emptyCrawlReport(): CrawlReport {
  return { sources: 0, batches: 0, inserted: 0, changed: 0, unchanged: 0, findings: 0, deadLetters: 0, notModified: 0 };
}

/** What a connector run yields: extracted items with their snapshot, a failed URL, or the source's validators. */
export type CollectEvent =
  | { type: 'batch'; items: SourceItem[]; snapshot: Snapshot | null }
  | { type: 'error'; url: string; error: unknown }
  | { type: 'validators'; etag: string | null; lastModified: string | null; notModified: boolean };

export interface CollectOptions {
  maxPages: number;
  comments: boolean;
  etag: string | null;
  lastModified: string | null;
}

export type Collector = (source: OutletSource, fetcher: Fetcher, opts: CollectOptions) => AsyncIterable<CollectEvent>;

/**
 * Crawls the sources that are due (or every source of one outlet with `all`). Each batch is stored as
 * it arrives, so a failure later in the crawl loses nothing; failed URLs become dead letters and the
 * crawl goes on.
 */
export async function crawlDue(
  ctx: CrawlDeps,
  opts: { outletId?: string; all?: boolean; onSource?: (s: SourceState, r: CrawlReport) => void },
  collector: Collector = collectSource,
): Promise<CrawlReport> {
  const now = ctx.clock.now();
  const sources = opts.all && opts.outletId ? await listSources(ctx.db, opts.outletId) : await listDueSources(ctx.db, now, opts.outletId);
  const report = emptyCrawlReport();
  const outlets = new Map<string, Outlet | null>();
  for (const source of sources) {
    if (!outlets.has(source.outletId)) outlets.set(source.outletId, await getOutlet(ctx.db, source.outletId));
    const outlet = outlets.get(source.outletId);
    if (!outlet) continue;
    await crawlSource(ctx, outlet, source, report, collector);
    opts.onSource?.(source, report);
  }
  return report;
}

export async function crawlSource(ctx: CrawlDeps, outlet: Outlet, source: SourceState, report: CrawlReport, collector: Collector): Promise<void> {
  report.sources++;
  let validators: { etag: string | null; lastModified: string | null } | undefined;
  let lastError: string | null = null;
  const deadLetter = async (url: string, error: unknown) => {
    const d = toDeadLetter(url, error, ctx.clock);
    await addDeadLetter(ctx.db, { ...d, outletId: outlet.id });
    report.deadLetters++;
    lastError = `${d.code}: ${d.reason}`;
    ctx.logger.warn({ outlet: outlet.id, url, code: d.code }, d.reason);
  };
  try {
    const events = collector({ kind: source.kind, url: source.url }, ctx.fetcher, {
      maxPages: outlet.crawl.maxPages,
      comments: outlet.crawl.comments,
      etag: source.etag,
      lastModified: source.lastModified,
    });
    for await (const ev of events) {
      if (ev.type === 'validators') {
        validators = { etag: ev.etag, lastModified: ev.lastModified };
        if (ev.notModified) report.notModified++;
      } else if (ev.type === 'error') {
        await deadLetter(ev.url, ev.error);
      } else if (ev.items.length > 0) {
        try {
          const r = await ingestBatch(ctx, { outletId: outlet.id, items: ev.items, snapshot: ev.snapshot });
          report.batches++;
          report.inserted += r.inserted;
          report.changed += r.changed;
          report.unchanged += r.unchanged;
          report.findings += r.findings;
        } catch (err) {
          await deadLetter(ev.snapshot?.url ?? source.url, err);
        }
      }
    }
  } catch (err) {
    // The source itself failed (unreachable feed, malformed XML): recorded, and the next source goes on.
    await deadLetter(source.url, err);
  }
  const at = ctx.clock.now();
  await recordSourceCrawl(ctx.db, source.id, {
    at,
    nextDueAt: new Date(at.getTime() + outlet.crawl.intervalMinutes * 60_000),
    error: lastError,
    ...(validators ?? {}),
  });
}
