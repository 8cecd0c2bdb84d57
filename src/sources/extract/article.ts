/**
 * Generic article pages: title, author, date and main text, with page furniture left out.
 * Site patterns of Vietnamese news sites and JSON-LD / meta tags come first; Mozilla Readability
 * finds the body when no known container is present.
 */
import { Readability } from '@mozilla/readability';
import { AppError } from '../../core/errors.js';
import type { SourceItem } from '../../core/types.js';
import { parseVietnameseDate } from '../dates.js';
import { nodeText, oneLine, parseHtml, removeNoise, type DomDocument, type DomNode } from './dom.js';
import { absoluteUrl, articleLd, itemUrl, ldAuthor, ldString, metaContent, toDate } from './meta.js';

/** Article body containers of common Vietnamese news sites and CMSs, most specific first. */
const BODY_SELECTORS = [
  'article.fck_detail', // VnExpress
  '.fck_detail',
  '.detail-content', // Tuổi Trẻ, Thanh Niên, Pháp Luật
  '.singular-content', // Dân Trí
  '.dt-news__content',
  '.the-article-body', // Znews
  '.maincontent', // VietnamNet
  '.content-detail',
  '.detail__content',
  '.article__body',
  '.article-body',
  '.article-content',
  '.cms-body',
  '.post-content',
  '.entry-content', // WordPress
  '[itemprop="articleBody"]',
];

const TITLE_SELECTORS = 'h1.title-detail, h1.detail-title, h1.title-page, h1.article__title, h1.the-article-title, h1.entry-title, h1.post-title, article h1, h1';

const DATE_SELECTORS = [
  'span.date', // VnExpress: "Thứ bảy, 12/6/2021, 08:04 (GMT+7)"
  '.detail-time',
  '.dt-news__time',
  '.the-article-publish',
  '.publish-date',
  '.date-time',
  '.author-time',
  '.post-date',
  '.entry-date',
  '.date',
  '.post-meta',
  '.entry-meta',
  '.meta',
];

const AUTHOR_SELECTORS = '.author_mail strong, .detail-author .name, .author-name, .the-article-author, .dt-news__author, .article__author, .author, [rel="author"], .byline';

/** Comment sections and the like: furniture on an article page, removed before finding the body. */
const PAGE_FURNITURE = '#comments, .comments, .comment-list, .commentlist, #respond, .fb-comments, .box-comment, .box_comment, footer, header, .footer, .header';

/** Minimum characters for a site-pattern container to be trusted over Readability. */
const MIN_BODY_CHARS = 140;

/**
 * Extracts the article of a generic page as one `post`. Throws AppError EXTRACT_NO_CONTENT when the
 * page has no article text.
 */
export function extractArticle(pageUrl: string, docOrHtml: DomDocument | string): SourceItem {
  const doc = typeof docOrHtml === 'string' ? parseHtml(docOrHtml) : docOrHtml;
  const ld = articleLd(doc);

  const title =
    ldString(ld, 'headline') ??
    metaContent(doc, 'og:title', 'twitter:title') ??
    oneLine(doc.querySelector(TITLE_SELECTORS)?.textContent) ??
    oneLine(doc.title);

  let publishedAt =
    toDate(ldString(ld, 'datePublished')) ??
    toDate(metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'og:published_time')) ??
    toDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (!publishedAt) {
    for (const sel of DATE_SELECTORS) {
      const d = parseVietnameseDate(oneLine(doc.querySelector(sel)?.textContent) ?? '');
      if (d) {
        publishedAt = d;
        break;
      }
    }
  }

  const metaAuthor = metaContent(doc, 'author', 'article:author', 'dc.creator');
  let author = ldAuthor(ld) ?? (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ?? oneLine(doc.querySelector(AUTHOR_SELECTORS)?.textContent);
  if (!author) {
    const byline = oneLine(doc.querySelector('.byline, .post-meta, .entry-meta, .meta')?.textContent);
    author = oneLine(/(?:^|\s)(?:bởi|by)\s+([^|,\-–]{2,60})$/i.exec(byline ?? '')?.[1]);
  }
  const authorUrl = absoluteUrl(doc.querySelector('a[rel="author"][href]')?.getAttribute('href'), pageUrl);

  const root = doc.body ?? doc.documentElement;
  for (const el of Array.from(root.querySelectorAll(PAGE_FURNITURE))) {
    // Keep a furniture-classed element that holds the article itself.
    if (!el.querySelector(BODY_SELECTORS.join(','))) el.remove();
  }
  removeNoise(root);

  let text = '';
  for (const sel of BODY_SELECTORS) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const t = nodeText(el);
    if (t.length >= MIN_BODY_CHARS) {
      text = t;
      break;
    }
  }
  if (!text) {
    const read = readability(doc);
    text = read.text;
    author ??= read.byline;
  }
  if (!text) throw new AppError('EXTRACT_NO_CONTENT', `No article text found at ${pageUrl}`, { details: { url: pageUrl } });

  return {
    kind: 'post',
    url: itemUrl(pageUrl),
    parentUrl: null,
    externalId: null,
    title,
    author: author ? oneLine(author.replace(/^(bởi|by|tác giả|người viết)\s*:?\s*/i, '')) : null,
    authorUrl,
    publishedAt,
    text,
  };
}

function readability(doc: DomDocument): { text: string; byline: string | null } {
  // Readability mutates the document; the metadata has been read already.
  const reader = new Readability<DomNode>(doc as never, { serializer: (n) => n as unknown as DomNode, charThreshold: 200 });
  const result = reader.parse();
  const content = result?.content;
  return { text: content ? nodeText(content) : '', byline: oneLine(result?.byline) };
}
