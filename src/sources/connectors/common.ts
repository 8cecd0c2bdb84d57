/** What every connector shares: options, the batch it yields, fetching with a snapshot kept. */
import { AppError, toAppError } from '../../core/errors.js';
import type { Snapshot, SourceItem } from '../../core/types.js';
import type { Fetcher, FetchResult } from '../fetcher.js';
import { extractPage } from '../extract/page.js';

export interface CollectOptions {
  /** Upper bound of posts per crawl, and so of article pages fetched (default 50). */
  maxPages?: number;
  /** Collect comments where the connector can (Blogger comment feeds, WordPress comments). Default true. */
  comments?: boolean;
  /** When to fetch a feed item's page: only when the feed has just a summary (default), always, or never. */
  fetchArticles?: 'summary-only' | 'always' | 'never';
  /** Sitemap index recursion depth (default 3) and sitemap documents read per crawl (default 50). */
  maxSitemapDepth?: number;
  maxSitemaps?: number;
  /** Sitemap URLs whose lastmod is older than this are skipped. */
  since?: Date | null;
  /** WordPress REST page size (default 20, at most 100). */
  perPage?: number;
  /** Comment pages read per post (WordPress, Blogger comment feeds); default 20. */
  maxCommentPages?: number;
}

export type ResolvedOptions = Required<CollectOptions>;

export function resolveOptions(o: CollectOptions = {}): ResolvedOptions {
  return {
    maxPages: Math.max(1, o.maxPages ?? 50),
    comments: o.comments ?? true,
    fetchArticles: o.fetchArticles ?? 'summary-only',
    maxSitemapDepth: Math.max(0, o.maxSitemapDepth ?? 3),
    maxSitemaps: Math.max(1, o.maxSitemaps ?? 50),
    since: o.since ?? null,
    perPage: Math.min(100, Math.max(1, o.perPage ?? 20)),
    maxCommentPages: Math.max(1, o.maxCommentPages ?? 20),
  };
}

/** A failure of one item, page or sub-document; the crawl goes on. */
export interface CollectError {
  url: string;
  error: AppError;
}

/**
 * Items extracted from one fetched document, with the document's raw bytes as evidence. `snapshot`
 * is null only for a batch that reports errors of documents that could not be fetched.
 */
export interface CollectBatch {
  snapshot: Snapshot | null;
  items: SourceItem[];
  errors: CollectError[];
}

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
export const JSON_ACCEPT = 'application/json, */*;q=0.5';

/** The raw bytes of a fetch, as the store keeps them. */
export function snapshotOf(res: FetchResult): Snapshot {
  return {
    url: res.url,
    contentType: res.headers['content-type'] ?? (res.charset ? `${res.mediaType}; charset=${res.charset}` : res.mediaType),
    body: res.body,
    fetchedAt: res.fetchedAt,
  };
}

/**
 * Fetches a document; null on 304 Not Modified. An error status the fetcher let through becomes
 * FETCH_HTTP_STATUS, so connectors see one kind of failure.
 */
export async function fetchDoc(fetcher: Fetcher, url: string, accept: string): Promise<FetchResult | null> {
  const res = await fetcher.fetch(url, { accept });
  if (res.notModified) return null;
  if (res.status >= 400) {
    throw new AppError('FETCH_HTTP_STATUS', `GET ${url} answered HTTP ${res.status}`, {
      retryable: res.status === 429 || res.status >= 500,
      details: { url, status: res.status },
    });
  }
  return res;
}

/** The HTTP status of a FETCH_HTTP_STATUS error, if that is what `err` is. */
export function httpStatusOf(err: unknown): number | null {
  if (!(err instanceof AppError) || err.code !== 'FETCH_HTTP_STATUS') return null;
  const s = err.details?.['status'];
  return typeof s === 'number' ? s : null;
}

/** Fetches an HTML page and extracts its items; failures are reported in the batch. */
export async function pageBatch(fetcher: Fetcher, url: string): Promise<CollectBatch> {
  let res: FetchResult | null;
  try {
    res = await fetchDoc(fetcher, url, HTML_ACCEPT);
  } catch (err) {
    return { snapshot: null, items: [], errors: [{ url, error: toAppError(err) }] };
  }
  if (!res) return { snapshot: null, items: [], errors: [] };
  const snapshot = snapshotOf(res);
  try {
    return { snapshot, items: extractPage(res.url, res.text), errors: [] };
  } catch (err) {
    return { snapshot, items: [], errors: [{ url: res.url, error: toAppError(err) }] };
  }
}

/** Fills what a page left empty from what the feed said about the same item. */
export function mergeMissing(page: SourceItem, known: SourceItem): SourceItem {
  return {
    ...page,
    title: page.title ?? known.title,
    author: page.author ?? known.author,
    authorUrl: page.authorUrl ?? known.authorUrl,
    publishedAt: page.publishedAt ?? known.publishedAt,
    externalId: page.externalId ?? known.externalId,
  };
}
