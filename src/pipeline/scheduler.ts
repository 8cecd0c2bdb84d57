import type { AppContext } from '../context.js';
import { crawlDue } from './crawl.js';

/**
 * Crawls due sources in the background: one pass at start, then every `tickMs`. A pass never overlaps
 * the previous one; stop() waits for the running pass.
 */
export function startScheduler(ctx: AppContext, tickMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = crawlDue(ctx, {})
      .then((r) => {
        if (r.sources > 0) ctx.logger.info(r, 'crawl pass');
      })
      .catch((err: unknown) => ctx.logger.error({ err }, 'crawl pass failed'))
      .finally(() => {
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
