/** One entry for HTML pages: Blogger pages get the Blogger extractor, any other page the generic one. */
import type { SourceItem } from '../../core/types.js';
import { extractArticle } from './article.js';
import { extractBloggerPage, isBloggerPage } from './blogger.js';
import { parseHtml } from './dom.js';

/**
 * Extracts the items of an HTML page: a Blogger post page gives the post and its comments, a generic
 * article page one post. Throws AppError EXTRACT_NO_CONTENT when nothing can be extracted.
 * @example extractPage('https://x.blogspot.com/2021/06/a.html', html) // [post, comment, comment, ...]
 */
export function extractPage(url: string, html: string): SourceItem[] {
  const doc = parseHtml(html);
  if (isBloggerPage(doc)) {
    const items = extractBloggerPage(url, doc);
    if (items.length > 0) return items;
    return [extractArticle(url, parseHtml(html))];
  }
  return [extractArticle(url, doc)];
}
