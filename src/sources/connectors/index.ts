/** Connectors: what an outlet publishes (feeds, Blogger, WordPress, sitemaps, pages) → SourceItems. */
export { collect } from './collect.js';
export type { CollectBatch, CollectError, CollectOptions } from './common.js';
export { parseFeed, entryToItem, isBloggerFeed, bloggerId, type FeedEntry, type ParsedFeed } from './feed.js';
export { parseSitemap, type ParsedSitemap, type SitemapUrl } from './sitemap.js';
export { wordpressApiBase } from './wordpress.js';
export { parseXml, looksLikeHtml } from './xml.js';
