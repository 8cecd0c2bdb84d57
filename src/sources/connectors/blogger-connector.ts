/**
 * Blogger sources: the blog's Atom posts feed (`/feeds/posts/default`), each post's comment feed
 * (`/feeds/<postId>/comments/default`, replies parented through `related` links), or, for a post URL,
 * the post page with its comments.
 */
import type { Fetcher, FetchResult } from '../fetcher.js';
import { fetchDoc, pageBatch, snapshotOf, FEED_ACCEPT, type CollectBatch, type ResolvedOptions } from './common.js';
import { errorBatch, feedItems } from './feed-connector.js';
import { entryToItem, parseFeed } from './feed.js';

/** Blogger's largest page size for comment feeds. */
const COMMENT_PAGE = 200;

/** Crawls a Blogger blog (its root URL) or one post page (a URL ending in .html). */
export async function* collectBlogger(url: string, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  const u = new URL(url);
  if (/\.html?$/.test(u.pathname)) {
    const batch = await pageBatch(fetcher, url);
    if (!batch.snapshot && batch.errors[0]) throw batch.errors[0].error;
    yield batch;
    return;
  }
  let next: string | null = postsFeedUrl(u, Math.min(o.maxPages, 25));
  let seen = 0;
  while (next && seen < o.maxPages) {
    let res: FetchResult | null;
    try {
      res = await fetchDoc(fetcher, next, FEED_ACCEPT);
    } catch (err) {
      // The first page is the source itself; a later page failing ends this crawl with a report.
      if (seen === 0) throw err;
      yield errorBatch(next, err);
      return;
    }
    if (!res) return;
    const feed = parseFeed(res.text, res.url);
    const entries = feed.entries.slice(0, o.maxPages - seen);
    seen += entries.length;
    yield* feedItems({ ...feed, entries }, snapshotOf(res), fetcher, o, entries.length);
    if (o.comments) {
      for (const entry of entries) {
        if (entry.repliesUrl) yield* collectCommentFeed(entry.repliesUrl, fetcher, o);
      }
    }
    next = entries.length > 0 ? feed.nextUrl : null;
  }
}

function postsFeedUrl(root: URL, perPage: number): string {
  const base = root.pathname.includes('/feeds/') ? new URL(root.href) : new URL('/feeds/posts/default', root);
  if (!base.searchParams.has('max-results')) base.searchParams.set('max-results', String(perPage));
  return base.href;
}

/** Reads a post's comment feed page by page; each page is one batch. */
export async function* collectCommentFeed(url: string, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  const first = new URL(url);
  if (!first.searchParams.has('max-results')) first.searchParams.set('max-results', String(COMMENT_PAGE));
  let next: string | null = first.href;
  for (let page = 0; next && page < o.maxCommentPages; page++) {
    const pageUrl: string = next;
    try {
      const res = await fetchDoc(fetcher, pageUrl, FEED_ACCEPT);
      if (!res) return;
      const feed = parseFeed(res.text, res.url);
      const items = feed.entries.map((e) => entryToItem(e, true)).filter((i) => i !== null);
      yield { snapshot: snapshotOf(res), items, errors: [] };
      next = feed.entries.length > 0 ? feed.nextUrl : null;
    } catch (err) {
      yield errorBatch(pageUrl, err);
      return;
    }
  }
}
