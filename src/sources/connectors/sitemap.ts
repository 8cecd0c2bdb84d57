/**
 * sitemap.xml and sitemap indexes: discover article URLs (newest lastmod first), bounded in count and
 * recursion, then extract each page.
 */
import { gunzipSync } from 'node:zlib';
import { AppError } from '../../core/errors.js';
import type { Fetcher, FetchResult } from '../fetcher.js';
import { parseVietnameseDate } from '../dates.js';
import { absoluteUrl } from '../extract/meta.js';
import { fetchDoc, pageBatch, snapshotOf, FEED_ACCEPT, type CollectBatch, type CollectError, type ResolvedOptions } from './common.js';
import { parseXml, xmlChild, xmlList, xmlText } from './xml.js';

export interface SitemapUrl {
  url: string;
  lastmod: Date | null;
}

export interface ParsedSitemap {
  /** Child sitemaps of a sitemap index. */
  sitemaps: SitemapUrl[];
  /** Page URLs of a urlset. */
  urls: SitemapUrl[];
}

/** Parses a urlset or sitemapindex document (Google News `news:publication_date` counts as lastmod). */
export function parseSitemap(text: string, url: string): ParsedSitemap {
  const doc = parseXml(text, url, 'sitemap');
  const index = xmlChild(doc, 'sitemapindex');
  const urlset = xmlChild(doc, 'urlset');
  if (!index && !urlset) {
    throw new AppError('PARSE_NOT_A_FEED', `${url} is not a sitemap (no <urlset> or <sitemapindex>)`, { details: { url } });
  }
  const read = (nodes: unknown[]): SitemapUrl[] =>
    nodes.flatMap((n) => {
      const loc = absoluteUrl(xmlText(xmlChild(n, 'loc'))?.trim(), url);
      if (!loc) return [];
      const news = xmlChild(n, 'news:news');
      const when = xmlText(xmlChild(n, 'lastmod')) ?? xmlText(xmlChild(news, 'news:publication_date'));
      return [{ url: loc, lastmod: when ? parseVietnameseDate(when.trim()) : null }];
    });
  return { sitemaps: index ? read(xmlList(xmlChild(index, 'sitemap'))) : [], urls: urlset ? read(xmlList(xmlChild(urlset, 'url'))) : [] };
}

/** Gzipped sitemaps (sitemap.xml.gz) served without Content-Encoding arrive as gzip bytes. */
function sitemapText(res: FetchResult, maxBytes: number): string {
  const b = res.body;
  if (b.length > 2 && b[0] === 0x1f && b[1] === 0x8b) {
    return new TextDecoder('utf-8').decode(gunzipSync(b, { maxOutputLength: maxBytes }));
  }
  return res.text;
}

const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/**
 * Discovers up to `maxPages` page URLs from a sitemap (index), newest first, then fetches and extracts
 * each. Errors of the root sitemap are thrown; those of child sitemaps and pages are reported.
 */
export async function* collectSitemap(url: string, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  const found = new Map<string, SitemapUrl>();
  const errors: CollectError[] = [];
  const queue: { url: string; depth: number }[] = [{ url, depth: 0 }];
  const visited = new Set<string>();
  while (queue.length > 0 && visited.size < o.maxSitemaps) {
    const next = queue.shift();
    if (!next || visited.has(next.url)) continue;
    visited.add(next.url);
    let parsed: ParsedSitemap;
    try {
      const res = await fetchDoc(fetcher, next.url, FEED_ACCEPT);
      if (!res) continue;
      parsed = parseSitemap(sitemapText(res, MAX_SITEMAP_BYTES), res.url);
      // A sitemap yields no items itself, but its bytes show why pages were crawled.
      yield { snapshot: snapshotOf(res), items: [], errors: [] };
    } catch (err) {
      if (next.depth === 0) throw err;
      errors.push({ url: next.url, error: err instanceof AppError ? err : new AppError('INTERNAL', String(err), { cause: err }) });
      continue;
    }
    for (const s of parsed.sitemaps) {
      if (next.depth + 1 <= o.maxSitemapDepth) queue.push({ url: s.url, depth: next.depth + 1 });
    }
    for (const u of parsed.urls) {
      if (o.since && u.lastmod && u.lastmod < o.since) continue;
      if (!found.has(u.url)) found.set(u.url, u);
    }
  }
  if (errors.length > 0) yield { snapshot: null, items: [], errors };
  const pages = [...found.values()]
    .sort((a, b) => (b.lastmod?.getTime() ?? 0) - (a.lastmod?.getTime() ?? 0))
    .slice(0, o.maxPages);
  for (const p of pages) yield await pageBatch(fetcher, p.url);
}
