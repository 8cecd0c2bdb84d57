/**
 * Blogger pages: the post (title, author, time, body without widgets) and its comments as published
 * in the HTML, for the classic (`#comments-block` dl/dt/dd), threaded (`.comment-thread li.comment`)
 * and newer (Contempo, Soho, Emporio, Notable) templates.
 */
import type { SourceItem } from '../../core/types.js';
import { parseVietnameseDate } from '../dates.js';
import { nodeText, oneLine, removeNoise, type DomDocument, type DomElement } from './dom.js';
import { absoluteUrl, articleLd, itemUrl, ldAuthor, ldString, metaContent, toDate } from './meta.js';

/** True when the page was made by Blogger (generator meta, blogger.com scripts, Blogger markup). */
export function isBloggerPage(doc: DomDocument): boolean {
  const gen = doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '';
  if (/blogger/i.test(gen)) return true;
  if (doc.querySelector('script[src*="blogger.com"],link[href*="blogger.com/"],link[href*="blogblog.com"]')) return true;
  if (doc.querySelector('.blog-posts .post-body, .blog-posts .post, #Blog1 .post-body')) return true;
  // Blogger's comment markup next to a post body, even on a trimmed page.
  return doc.querySelector('.post-body') !== null && doc.querySelector('.comment-thread li.comment, #comments-block, a[href*="showComment="]') !== null;
}

/** Elements inside the post body that are furniture even when their class does not say so. */
const BLOGGER_BODY_NOISE = '.widget,.inline-ad,.post-share-buttons,.sharing,.blog-pager,.post-footer,.jump-link,.related-posts';

/**
 * Extracts the post(s) and comments of a Blogger page. A post page yields one post and its comments;
 * a home or archive page yields each post shown (comments live on the post pages).
 */
export function extractBloggerPage(pageUrl: string, doc: DomDocument): SourceItem[] {
  // Only the Blog widget holds posts; a sidebar widget may reuse post classes.
  const scope = doc.querySelector('.widget.Blog, #Blog1, .blog-posts') ?? doc;
  let bodies = Array.from(scope.querySelectorAll('.post-body, .entry-content')).filter(
    (b) => b.parentElement?.closest('.post-body, .entry-content') == null,
  );
  if (bodies.length === 0) return [];
  // A post page (/YYYY/MM/slug.html) shows one post even if its markup repeats post classes.
  if (isPostPath(pageUrl)) bodies = bodies.slice(0, 1);
  const single = bodies.length === 1;
  const items: SourceItem[] = [];
  for (const body of bodies) {
    const post = body.closest('.post, .post-outer, article, .hentry') ?? body.parentElement ?? body;
    const item = extractPost(pageUrl, doc, post, body, single);
    if (!item) continue;
    items.push(item);
    if (single) items.push(...extractComments(doc, item.url));
  }
  return items;
}

function isPostPath(url: string): boolean {
  try {
    return /\/\d{4}\/\d{2}\/[^/]+\.html$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function extractPost(pageUrl: string, doc: DomDocument, post: DomElement, body: DomElement, single: boolean): SourceItem | null {
  const ld = single ? articleLd(doc) : null;
  const permalink =
    post.querySelector('.post-title a[href], .entry-title a[href]')?.getAttribute('href') ??
    post.querySelector('a.timestamp-link[href]')?.getAttribute('href');
  // On a post page the item is the page we fetched; on a list page each post is its permalink.
  const url = single ? itemUrl(pageUrl) : itemUrl(absoluteUrl(permalink, pageUrl) ?? pageUrl);

  const title =
    oneLine(post.querySelector('.post-title, .entry-title, h3.post-title, h1.post-title')?.textContent) ??
    (single ? (ldString(ld, 'headline') ?? metaContent(doc, 'og:title')) : null);

  const fn = post.querySelector('.post-author .fn, .post-author .g-profile, .fn, .g-profile, [itemprop="author"] [itemprop="name"]');
  const author = oneLine(fn?.textContent) ?? (single ? ldAuthor(ld) : null);
  const profile = post.querySelector('.post-author a.g-profile[href], .fn a[href], a.g-profile[href], a[rel="author"][href]');
  const authorUrl = absoluteUrl(
    profile?.getAttribute('href') ?? post.querySelector('.fn meta[content], [itemprop="author"] meta[itemprop="url"]')?.getAttribute('content'),
    pageUrl,
  );

  const publishedAt = postDate(post, single ? ld : null);

  const externalId =
    oneLine(post.querySelector('meta[itemprop="postId"]')?.getAttribute('content')) ??
    /post-body-(\d+)/.exec(body.id)?.[1] ??
    oneLine(post.querySelector('a[name]')?.getAttribute('name'));

  for (const el of Array.from(body.querySelectorAll(BLOGGER_BODY_NOISE))) el.remove();
  removeNoise(body);
  const text = nodeText(body);
  if (text.length === 0 && !title) return null;
  return { kind: 'post', url, parentUrl: null, externalId: externalId && /^\d+$/.test(externalId) ? externalId : null, title, author, authorUrl, publishedAt, text };
}

function postDate(post: DomElement, ld: Record<string, unknown> | null): Date | null {
  const machine =
    post.querySelector('abbr.published[title]')?.getAttribute('title') ??
    post.querySelector('time[datetime]')?.getAttribute('datetime') ??
    post.querySelector('[itemprop="datePublished"][content]')?.getAttribute('content') ??
    ldString(ld, 'datePublished');
  const d = toDate(machine);
  if (d) return d;
  // The date header sits above a day's posts; the post's own timestamp may give the time of day.
  const outer = post.closest('.date-outer') ?? post.parentElement?.parentElement ?? null;
  const header = oneLine(outer?.querySelector('.date-header')?.textContent);
  const time = oneLine(post.querySelector('.post-timestamp .timestamp-link, .published')?.textContent);
  if (header) return parseVietnameseDate(time ? `${header} ${time}` : header) ?? parseVietnameseDate(header);
  return null;
}

const COMMENT_ID = /^c(\d{5,})$/;
// Real Blogger ids are long, but an element marked as a comment is one whatever its id's length.
const MARKED_COMMENT_ID = /^c(\d+)$/;
const MARKED = /(^|\s)comment(-body)?(\s|$)/;

/** The Blogger comment id of an element (`c123…`), or null when it is not a comment. */
function commentIdOf(el: DomElement): string | null {
  const re = MARKED.test(el.getAttribute('class') ?? '') ? MARKED_COMMENT_ID : COMMENT_ID;
  return re.exec(el.id)?.[1] ?? null;
}

/** The comments of a post page; each is parented to its parent comment or to the post. */
function extractComments(doc: DomDocument, postUrl: string): SourceItem[] {
  const holder = doc.querySelector('#comments') ?? doc.querySelector('.comments') ?? doc.body;
  if (!holder) return [];
  const items: SourceItem[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(holder.querySelectorAll('li[id],div[id],dt[id],article[id]'))) {
    const id = commentIdOf(el);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const scope = commentScope(el);
    const item = extractComment(el, scope, id, postUrl);
    if (item) items.push(item);
  }
  if (items.length > 0) return items;
  // Very old classic templates mark comments only with <a name="c123"> inside a dt.
  for (const a of Array.from(holder.querySelectorAll('dt a[name]'))) {
    const id = COMMENT_ID.exec(a.getAttribute('name') ?? '')?.[1];
    const dt = a.closest('dt');
    if (!id || !dt || seen.has(id)) continue;
    seen.add(id);
    const item = extractComment(dt, commentScope(dt), id, postUrl);
    if (item) items.push(item);
  }
  return items;
}

/**
 * The elements that make up one comment. A classic `<dt>` is followed by its `<dd>` body and footer;
 * a threaded `<li>` holds its own block (nested replies are excluded by `own`).
 */
function commentScope(el: DomElement): DomElement[] {
  if (el.tagName.toUpperCase() !== 'DT') return [el];
  const scope = [el];
  let next = el.nextElementSibling;
  while (next && next.tagName.toUpperCase() === 'DD') {
    scope.push(next);
    next = next.nextElementSibling;
  }
  return scope;
}

/** The first match of `selector` in the comment that does not belong to a nested reply. */
function own(scope: DomElement[], selector: string): DomElement | null {
  const home = scope[0] ? nearestComment(scope[0]) : null;
  for (const root of scope) {
    const inside = Array.from(root.querySelectorAll(selector));
    for (const el of root.matches(selector) ? [root, ...inside] : inside) {
      // A classic comment's dd siblings hold no nested comments; a threaded one may.
      if (scope.length > 1 || nearestComment(el) === home) return el;
    }
  }
  return null;
}

function nearestComment(el: DomElement): DomElement | null {
  let cur: DomElement | null = el;
  while (cur) {
    if (commentIdOf(cur) !== null) return cur;
    cur = cur.parentElement;
  }
  return null;
}

function extractComment(el: DomElement, scope: DomElement[], id: string, postUrl: string): SourceItem | null {
  const permalink = own(scope, 'a[href*="showComment"]');
  const href = permalink?.getAttribute('href') ?? '';
  const ms = /[?&]showComment=(\d{10,})/.exec(href)?.[1];
  const publishedAt = ms
    ? new Date(Number(ms))
    : parseVietnameseDate(
        oneLine(own(scope, '.datetime, .comment-timestamp, .comment-footer, time')?.textContent) ?? '',
      );

  const { author, authorUrl } = commentAuthor(scope, postUrl);

  const body = own(scope, '.comment-content, .comment-body, dd.comment-body, .comment-text');
  if (!body) return null;
  for (const junk of Array.from(body.querySelectorAll('.comment-actions, .item-control, .comment-replies, .comment-replybox-single'))) junk.remove();
  const text = nodeText(body);

  const parentEl = el.parentElement ? nearestComment(el.parentElement) : null;
  const parentId = parentEl ? commentIdOf(parentEl) : null;
  return {
    kind: 'comment',
    url: `${postUrl}#c${id}`,
    parentUrl: parentId ? `${postUrl}#c${parentId}` : postUrl,
    externalId: id,
    title: null,
    author,
    authorUrl,
    publishedAt,
    text,
  };
}

/** Suffixes Blogger appends to the author line of classic templates ("Hoa đã nói..."). */
const SAID = /\s*(đã nói|đã viết|said|wrote)\s*(\.\.\.|…|:)?\s*$/i;

function commentAuthor(scope: DomElement[], base: string): { author: string | null; authorUrl: string | null } {
  const cite = own(scope, 'cite.user, .comment-author, .user, .comment-header .name');
  if (!cite) return { author: null, authorUrl: null };
  const link = Array.from(cite.querySelectorAll('a[href]')).find((a) => !a.closest('.avatar-image-container') && !a.hasAttribute('name'));
  let name: string | null;
  if (link) name = oneLine(link.textContent);
  else {
    const copy = cite.cloneNode(true);
    for (const junk of Array.from(copy.querySelectorAll('.avatar-image-container, a[name], img, .icon'))) junk.remove();
    name = oneLine((copy.textContent ?? '').replace(SAID, ''));
  }
  if (name) name = oneLine(name.replace(SAID, ''));
  return { author: name, authorUrl: absoluteUrl(link?.getAttribute('href'), base) };
}
