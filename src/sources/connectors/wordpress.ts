/**
 * WordPress sites through the REST API: `/wp-json/wp/v2/posts` and `/wp-json/wp/v2/comments?post=ID`,
 * paginated by X-WP-TotalPages, stopping at an empty page or HTTP 400 (page past the end).
 */
import { AppError } from '../../core/errors.js';
import type { SourceItem } from '../../core/types.js';
import type { Fetcher, FetchResult } from '../fetcher.js';
import { htmlToText, oneLine } from '../extract/dom.js';
import { absoluteUrl, itemUrl } from '../extract/meta.js';
import { fetchDoc, httpStatusOf, snapshotOf, JSON_ACCEPT, type CollectBatch, type CollectError, type ResolvedOptions } from './common.js';
import { errorBatch } from './feed-connector.js';

type Obj = Record<string, unknown>;

/** The REST API root of a WordPress site given its home URL (or the API URL itself). */
export function wordpressApiBase(siteUrl: string): string {
  const u = new URL(siteUrl);
  u.search = '';
  u.hash = '';
  const i = u.pathname.indexOf('/wp-json');
  u.pathname = i >= 0 ? u.pathname.slice(0, i) : u.pathname;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL('wp-json/wp/v2/', u).href;
}

/** Crawls posts (newest first) and, when asked, each post's comments. */
export async function* collectWordpress(siteUrl: string, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  const api = wordpressApiBase(siteUrl);
  let seen = 0;
  for (let page = 1; seen < o.maxPages; page++) {
    const url = `${api}posts?page=${page}&per_page=${Math.min(o.perPage, o.maxPages - seen)}&_embed=author`;
    let res: FetchResult | null;
    try {
      res = await fetchDoc(fetcher, url, JSON_ACCEPT);
    } catch (err) {
      if (httpStatusOf(err) === 400 && page > 1) return; // rest_post_invalid_page_number
      if (page === 1) throw err;
      yield errorBatch(url, err);
      return;
    }
    if (!res) return;
    const rows = jsonArray(res, url);
    if (rows.length === 0) return;
    const items: SourceItem[] = [];
    const errors: CollectError[] = [];
    for (const row of rows.slice(0, o.maxPages - seen)) {
      const item = postItem(row, res.url);
      if (item) items.push(item);
      else errors.push({ url, error: new AppError('INVALID_INPUT', `WordPress post without id or link in ${url}`, { details: { url } }) });
    }
    seen += rows.length;
    yield { snapshot: snapshotOf(res), items, errors };
    if (o.comments) {
      for (const post of items) {
        if (post.externalId) yield* collectComments(api, post, fetcher, o);
      }
    }
    const total = Number.parseInt(res.headers['x-wp-totalpages'] ?? '', 10);
    if (Number.isFinite(total) && page >= total) return;
  }
}

async function* collectComments(api: string, post: SourceItem, fetcher: Fetcher, o: ResolvedOptions): AsyncGenerator<CollectBatch> {
  for (let page = 1; page <= o.maxCommentPages; page++) {
    const url = `${api}comments?post=${post.externalId ?? ''}&page=${page}&per_page=100&orderby=id&order=asc`;
    let res: FetchResult | null;
    try {
      res = await fetchDoc(fetcher, url, JSON_ACCEPT);
    } catch (err) {
      if (httpStatusOf(err) !== 400 || page === 1) yield errorBatch(url, err);
      return;
    }
    if (!res) return;
    let rows: Obj[];
    try {
      rows = jsonArray(res, url);
    } catch (err) {
      yield errorBatch(url, err);
      return;
    }
    if (rows.length === 0) return;
    const items = rows.map((r) => commentItem(r, post.url)).filter((i) => i !== null);
    yield { snapshot: snapshotOf(res), items, errors: [] };
    const total = Number.parseInt(res.headers['x-wp-totalpages'] ?? '', 10);
    if (Number.isFinite(total) && page >= total) return;
  }
}

function jsonArray(res: FetchResult, url: string): Obj[] {
  let data: unknown;
  try {
    data = JSON.parse(res.text);
  } catch (err) {
    throw new AppError('PARSE_JSON', `${url}: not JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err, details: { url } });
  }
  if (!Array.isArray(data)) throw new AppError('PARSE_JSON', `${url}: expected a JSON array`, { details: { url } });
  return data.filter((d): d is Obj => typeof d === 'object' && d !== null);
}

function rendered(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Obj)['rendered'] === 'string') return (v as Obj)['rendered'] as string;
  return '';
}

/** WordPress `date_gmt` has no zone suffix; it is UTC. */
function gmtDate(row: Obj): Date | null {
  const gmt = row['date_gmt'];
  if (typeof gmt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(gmt)) {
    const d = new Date(`${gmt}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const local = row['date'];
  if (typeof local === 'string') {
    const d = new Date(`${local}+07:00`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return null;
}

function postItem(row: Obj, base: string): SourceItem | null {
  const id = row['id'];
  const link = absoluteUrl(typeof row['link'] === 'string' ? row['link'] : null, base);
  if ((typeof id !== 'number' && typeof id !== 'string') || !link) return null;
  const embedded = (row['_embedded'] as Obj | undefined)?.['author'];
  const author = Array.isArray(embedded) ? (embedded[0] as Obj | undefined) : undefined;
  const content = rendered(row['content']) || rendered(row['excerpt']);
  return {
    kind: 'post',
    url: itemUrl(link),
    parentUrl: null,
    externalId: String(id),
    title: oneLine(htmlToText(rendered(row['title']))),
    author: oneLine(typeof author?.['name'] === 'string' ? author['name'] : null),
    authorUrl: absoluteUrl(typeof author?.['link'] === 'string' ? author['link'] : null, base),
    publishedAt: gmtDate(row),
    text: htmlToText(content),
  };
}

function commentItem(row: Obj, postUrl: string): SourceItem | null {
  const id = row['id'];
  if (typeof id !== 'number' && typeof id !== 'string') return null;
  const parent = row['parent'];
  const authorUrl = typeof row['author_url'] === 'string' && row['author_url'] ? row['author_url'] : null;
  return {
    kind: 'comment',
    url: `${postUrl}#comment-${id}`,
    parentUrl: parent && parent !== '0' ? `${postUrl}#comment-${String(parent)}` : postUrl,
    externalId: String(id),
    title: null,
    author: oneLine(typeof row['author_name'] === 'string' ? row['author_name'] : null),
    authorUrl: absoluteUrl(authorUrl, postUrl),
    publishedAt: gmtDate(row),
    text: htmlToText(rendered(row['content'])),
  };
}
