/** Feed sources: RSS/Atom items become posts; summary-only items are completed from their page. */
import { AppError, toAppError } from '../../core/errors.js';
import type { SourceItem } from '../../core/types.js';
import type { Fetcher } from '../fetcher.js';
import { mergeMissing, pageBatch, snapshotOf, fetchDoc, FEED_ACCEPT, type CollectBatch, type CollectError, type ResolvedOptions } from './common.js';
import { entryToItem, isBloggerFeed, parseFeed, type ParsedFeed } from './feed.js';

/** Crawls one RSS or Atom feed. Errors of the feed itself are thrown; errors of its items are reported. */
export async function* collectFeed(url: string, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  const res = await fetchDoc(fetcher, url, FEED_ACCEPT);
  if (!res) return;
  const feed = parseFeed(res.text, res.url);
  yield* feedItems(feed, snapshotOf(res), fetcher, o, o.maxPages);
}

/**
 * Yields the feed's items with the feed as snapshot, then one batch per article page fetched for
 * items that carry only a summary. A page that fails falls back to the feed's summary item.
 */
export async function* feedItems(
  feed: ParsedFeed,
  snapshot: CollectBatch['snapshot'],
  fetcher: Fetcher,
  o: ResolvedOptions,
  limit: number,
): AsyncGenerator<CollectBatch> {
  const blogger = isBloggerFeed(feed);
  const direct: SourceItem[] = [];
  const viaPage: SourceItem[] = [];
  const errors: CollectError[] = [];
  for (const entry of feed.entries.slice(0, limit)) {
    const item = entryToItem(entry, blogger);
    if (!item) {
      const what = entry.id ?? entry.title ?? '(untitled)';
      errors.push({ url: snapshot?.url ?? '', error: new AppError('INVALID_INPUT', `Feed entry ${what} has no link to identify it`, { details: { entry: what } }) });
      continue;
    }
    const wantPage = item.kind === 'post' && (o.fetchArticles === 'always' || (o.fetchArticles === 'summary-only' && entry.content === null));
    (wantPage ? viaPage : direct).push(item);
  }
  yield { snapshot, items: direct, errors };
  const fallback: SourceItem[] = [];
  for (const item of viaPage) {
    const batch = await pageBatch(fetcher, item.url);
    const main = batch.items.find((i) => i.kind === 'post');
    if (!main) {
      fallback.push(item);
      if (batch.snapshot || batch.errors.length > 0) yield batch;
      continue;
    }
    yield { ...batch, items: batch.items.map((i) => (i === main ? mergeMissing(main, item) : i)) };
  }
  if (fallback.length > 0) yield { snapshot, items: fallback, errors: [] };
}

/** Wraps a thrown error as a one-error batch, so a crawl that covers many documents goes on. */
export function errorBatch(url: string, err: unknown): CollectBatch {
  return { snapshot: null, items: [], errors: [{ url, error: toAppError(err) }] };
}
