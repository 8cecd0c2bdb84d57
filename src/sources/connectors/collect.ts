/** The dispatcher: one call crawls an outlet source with the connector its kind names. */
import { AppError } from '../../core/errors.js';
import type { OutletSource } from '../../core/types.js';
import type { Fetcher } from '../fetcher.js';
import { collectBlogger } from './blogger-connector.js';
import { pageBatch, resolveOptions, type CollectBatch, type CollectOptions } from './common.js';
import { collectFeed } from './feed-connector.js';
import { collectSitemap } from './sitemap.js';
import { collectWordpress } from './wordpress.js';

/**
 * Crawls one source and yields batches of items, each with the snapshot (raw bytes) it was extracted
 * from. A failure of the source's own document (feed, sitemap, first API page, the page) is thrown;
 * failures of single articles, comment feeds or child sitemaps are reported in `errors` and the crawl goes on.
 * @example for await (const b of collect({ kind: 'feed', url }, fetcher, { maxPages: 20 })) store(b)
 */
export async function* collect(source: OutletSource, fetcher: Fetcher, options: CollectOptions = {}): AsyncGenerator<CollectBatch> {
  const o = resolveOptions(options);
  switch (source.kind) {
    case 'feed':
      yield* collectFeed(source.url, fetcher, o);
      return;
    case 'blogger':
      yield* collectBlogger(source.url, fetcher, o);
      return;
    case 'wordpress':
      yield* collectWordpress(source.url, fetcher, o);
      return;
    case 'sitemap':
      yield* collectSitemap(source.url, fetcher, o);
      return;
    case 'page': {
      const batch = await pageBatch(fetcher, source.url);
      if (!batch.snapshot && batch.errors[0]) throw batch.errors[0].error;
      yield batch;
      return;
    }
    default: {
      const kind: never = source.kind;
      throw new AppError('INVALID_INPUT', `Unknown source kind: ${String(kind)}`, { details: { kind } });
    }
  }
}
