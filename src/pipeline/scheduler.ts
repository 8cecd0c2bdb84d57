import { triageFindings } from '../review/cases.js';
import { runComplianceChecks } from '../review/compliance.js';
import { deliverWebhooks, type WebhookPoster } from '../review/webhooks.js';
import { crawlDue } from './crawl.js';
import type { CrawlDeps } from './ingest.js';

/** Posts a webhook with a bounded wait; admins configure the URLs, so no address guard here. */
const postWebhook: WebhookPoster = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(10_000) });
  return { status: res.status };
};

/**
 * The background work of `serve` and `crawl`: crawl due sources, turn new findings into review cases,
 * re-check takedown requests whose deadline has passed, and deliver webhooks. One pass at start, then
 * every `tickMs`; a pass never overlaps the previous one; stop() waits for the running pass.
 */
export function startScheduler(ctx: CrawlDeps, tickMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const step = async (name: string, fn: () => Promise<unknown>) => {
    try {
      const r = await fn();
      ctx.logger.debug({ step: name, result: r }, 'scheduler step');
    } catch (err) {
      // One failing step must not stop the others or the next pass.
      ctx.logger.error({ err, step: name }, 'scheduler step failed');
    }
  };
  const pass = () => {
    if (running || stopped) return;
    running = (async () => {
      await step('crawl', () => crawlDue(ctx, {}));
      await step('triage', () => triageFindings(ctx));
      await step('compliance', () => runComplianceChecks({ db: ctx.db, clock: ctx.clock, fetcher: ctx.fetcher }));
      await step('webhooks', () => deliverWebhooks({ db: ctx.db, clock: ctx.clock, post: postWebhook }));
    })().finally(() => {
      running = null;
    });
  };
  pass();
  const timer = setInterval(pass, tickMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
