/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds → entries → items, including Blogger's post and comment feeds. */
import { AppError } from '../../core/errors.js';
import type { SourceItem } from '../../core/types.js';
import { parseVietnameseDate } from '../dates.js';
import { htmlToText, oneLine } from '../extract/dom.js';
import { absoluteUrl, itemUrl } from '../extract/meta.js';
import { parseXml, xmlAttr, xmlChild, xmlList, xmlText } from './xml.js';

export interface FeedEntry {
  /** guid / atom:id. */
  id: string | null;
  /** The item's page (RSS link, Atom link rel=alternate). */
  link: string | null;
  title: string | null;
  author: string | null;
  authorUrl: string | null;
  publishedAt: Date | null;
  /** HTML (or text) of the full content when the feed carries it, else null. */
  content: string | null;
  /** HTML of the summary/description. */
  summary: string | null;
  /** Atom link rel=replies (Blogger: the post's comment feed). */
  repliesUrl: string | null;
  /** thr:in-reply-to: the item this entry answers (Blogger comment feeds). */
  inReplyTo: { ref: string | null; href: string | null } | null;
  /** Atom link rel=related (Blogger: the parent comment of a reply). */
  relatedUrl: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  generator: string | null;
  /** The next page of a paged feed (Atom link rel=next). */
  nextUrl: string | null;
  entries: FeedEntry[];
}

/**
 * Parses an RSS or Atom document. Throws PARSE_NOT_A_FEED for HTML or another XML document and
 * PARSE_XML (with line and column) for malformed XML.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const doc = parseXml(text, feedUrl, 'feed');
  const rss = xmlChild(doc, 'rss');
  if (rss) return parseRss(xmlChild(rss, 'channel'), feedUrl, 'rss');
  const rdf = xmlChild(doc, 'rdf:RDF');
  if (rdf) return parseRss(rdf, feedUrl, 'rdf');
  const atom = xmlChild(doc, 'feed');
  if (atom) return parseAtom(atom, feedUrl);
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? '(empty)';
  throw new AppError('PARSE_NOT_A_FEED', `${feedUrl} is XML with root <${root}>, not an RSS or Atom feed`, { details: { url: feedUrl, root } });
}

function str(v: unknown): string | null {
  return oneLine(xmlText(v));
}

function date(v: unknown): Date | null {
  const t = str(v);
  return t ? parseVietnameseDate(t) : null;
}

function parseRss(channel: unknown, feedUrl: string, format: 'rss' | 'rdf'): ParsedFeed {
  // RSS 1.0 puts items beside the channel; RSS 2.0 inside it.
  const items = xmlList(xmlChild(channel, 'item'));
  const chan = format === 'rdf' ? xmlChild(channel, 'channel') : channel;
  const entries = items.map((it): FeedEntry => {
    const guid = xmlList(xmlChild(it, 'guid'))[0] ?? xmlChild(it, 'guid');
    const link = str(xmlList(xmlChild(it, 'link'))[0]) ?? (xmlAttr(guid, 'isPermaLink') !== 'false' ? str(guid) : null) ?? xmlAttr(it, 'rdf:about');
    const creator = xmlList(xmlChild(it, 'dc:creator')).map(str).find(Boolean) ?? null;
    const author = creator ?? rssAuthor(xmlList(xmlChild(it, 'author'))[0]);
    const content = xmlText(xmlChild(it, 'content:encoded'));
    return {
      id: str(guid),
      link: absoluteUrl(link, feedUrl),
      title: titleText(xmlChild(it, 'title')),
      author,
      authorUrl: null,
      publishedAt: date(xmlChild(it, 'pubDate')) ?? date(xmlChild(it, 'dc:date')),
      content: content && content.trim() ? content : null,
      summary: xmlText(xmlChild(it, 'description')),
      repliesUrl: null,
      inReplyTo: null,
      relatedUrl: null,
    };
  });
  return { format, title: titleText(xmlChild(chan, 'title')), generator: str(xmlChild(chan, 'generator')), nextUrl: null, entries };
}

/** RSS <author> is "email (Name)" by the spec; many Vietnamese sites put a plain name there. */
function rssAuthor(v: unknown): string | null {
  const t = str(v);
  if (!t) return null;
  const named = /\(([^)]+)\)\s*$/.exec(t);
  if (named?.[1]) return oneLine(named[1]);
  return /^\S+@\S+$/.test(t) ? null : t;
}

function titleText(v: unknown): string | null {
  const t = xmlText(v);
  if (!t) return null;
  // Titles may carry markup or entities (Atom type="html", escaped RSS titles).
  return oneLine(/[<&]/.test(t) ? htmlToText(t) : t);
}

function atomLink(entry: unknown, rel: string, type?: string): string | null {
  for (const l of xmlList(xmlChild(entry, 'link'))) {
    const r = xmlAttr(l, 'rel') ?? 'alternate';
    if (r !== rel) continue;
    if (type && xmlAttr(l, 'type') !== type) continue;
    const href = xmlAttr(l, 'href');
    if (href) return href;
  }
  return null;
}

function parseAtom(feed: unknown, feedUrl: string): ParsedFeed {
  const entries = xmlList(xmlChild(feed, 'entry')).map((e): FeedEntry => {
    const author = xmlList(xmlChild(e, 'author'))[0];
    const content = xmlChild(e, 'content');
    const contentText = xmlText(content);
    const reply = xmlChild(e, 'thr:in-reply-to');
    return {
      id: str(xmlChild(e, 'id')),
      link: absoluteUrl(atomLink(e, 'alternate'), feedUrl),
      title: titleText(xmlChild(e, 'title')),
      author: str(xmlChild(author, 'name')),
      authorUrl: absoluteUrl(str(xmlChild(author, 'uri')), feedUrl),
      publishedAt: date(xmlChild(e, 'published')) ?? date(xmlChild(e, 'updated')),
      content: contentText && contentText.trim() && !xmlAttr(content, 'src') ? contentText : null,
      summary: xmlText(xmlChild(e, 'summary')),
      repliesUrl: absoluteUrl(atomLink(e, 'replies', 'application/atom+xml'), feedUrl),
      inReplyTo: reply ? { ref: xmlAttr(reply, 'ref'), href: absoluteUrl(xmlAttr(reply, 'href'), feedUrl) } : null,
      relatedUrl: absoluteUrl(atomLink(e, 'related'), feedUrl),
    };
  });
  return {
    format: 'atom',
    title: titleText(xmlChild(feed, 'title')),
    generator: str(xmlChild(feed, 'generator')),
    nextUrl: absoluteUrl(atomLink(feed, 'next'), feedUrl),
    entries,
  };
}

/** Blogger ids: "tag:blogger.com,1999:blog-123.post-456" → "456". */
export function bloggerId(tag: string | null): string | null {
  return tag ? (/\.post-(\d+)$/.exec(tag)?.[1] ?? null) : null;
}

/** True when the feed was produced by Blogger. */
export function isBloggerFeed(feed: ParsedFeed): boolean {
  return /blogger/i.test(feed.generator ?? '') || feed.entries.some((e) => /^tag:blogger\.com,1999:/.test(e.id ?? ''));
}

/**
 * Turns a feed entry into an item: a comment when it answers another item (thr:in-reply-to), else a
 * post. Blogger comment URLs are the post URL + "#c<id>", as on the post page, so both paths agree.
 * Returns null when the entry has no link to identify it.
 */
export function entryToItem(entry: FeedEntry, blogger: boolean): SourceItem | null {
  const html = entry.content ?? entry.summary ?? '';
  const text = htmlToText(html);
  if (entry.inReplyTo) {
    const postUrl = itemUrl(entry.inReplyTo.href ?? entry.link ?? '');
    if (!postUrl) return null;
    const id = blogger ? bloggerId(entry.id) : entry.id;
    const parentId = blogger ? (/\/comments\/default\/(\d+)/.exec(entry.relatedUrl ?? '')?.[1] ?? null) : null;
    const url = blogger && id ? `${postUrl}#c${id}` : (entry.link ?? (id ? `${postUrl}#${id}` : null));
    if (!url) return null;
    return {
      kind: 'comment',
      url,
      parentUrl: parentId ? `${postUrl}#c${parentId}` : postUrl,
      externalId: id,
      title: null,
      author: entry.author,
      authorUrl: entry.authorUrl,
      publishedAt: entry.publishedAt,
      text,
    };
  }
  if (!entry.link) return null;
  return {
    kind: 'post',
    url: itemUrl(entry.link),
    parentUrl: null,
    externalId: blogger ? (bloggerId(entry.id) ?? entry.id) : entry.id,
    title: entry.title,
    author: entry.author,
    authorUrl: entry.authorUrl,
    publishedAt: entry.publishedAt,
    text,
  };
}
