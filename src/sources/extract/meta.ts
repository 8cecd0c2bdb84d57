/** Page metadata: JSON-LD, Open Graph / article meta tags, canonical URL. */
import { parseVietnameseDate } from '../dates.js';
import { oneLine, type DomDocument } from './dom.js';

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|Report|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|TechArticle|ScholarlyArticle)$/;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every JSON-LD object of the page, with `@graph` and arrays flattened. Broken JSON is skipped. */
export function jsonLdObjects(doc: DomDocument): Json[] {
  const out: Json[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse((s.textContent ?? '').trim());
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    while (queue.length > 0 && out.length < 200) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v);
      else if (isObject(v)) {
        out.push(v);
        if (Array.isArray(v['@graph'])) queue.push(...(v['@graph'] as unknown[]));
      }
    }
  }
  return out;
}

/** The first JSON-LD object typed as an article (NewsArticle, BlogPosting, ...). */
export function articleLd(doc: DomDocument): Json | null {
  for (const o of jsonLdObjects(doc)) {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x))) return o;
  }
  return null;
}

/** Author names of a JSON-LD article: a string, a Person/Organization, or a list of them. */
export function ldAuthor(ld: Json | null): string | null {
  if (!ld) return null;
  const a = ld['author'] ?? ld['creator'];
  const list = Array.isArray(a) ? a : [a];
  const names = list
    .map((x) => (typeof x === 'string' ? x : isObject(x) && typeof x['name'] === 'string' ? x['name'] : null))
    .map((x) => oneLine(x))
    .filter((x): x is string => x !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/** A string field of a JSON-LD object, trimmed. */
export function ldString(ld: Json | null, key: string): string | null {
  const v = ld?.[key];
  return typeof v === 'string' ? oneLine(v) : null;
}

/** The content of the first `<meta>` with one of the given property/name/itemprop values. */
export function metaContent(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const v = oneLine(el?.getAttribute('content'));
      if (v) return v;
    }
  }
  return null;
}

/** A date from a machine-readable string, or from visible text ("12/06/2021 08:04"). */
export function toDate(value: string | null | undefined): Date | null {
  return value ? parseVietnameseDate(value) : null;
}

/** Resolves `href` against `base`; null when it is not an http(s) URL. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|zarsrc|_gl|m|showComment)$/;

/**
 * The identity URL of a page: fragment and tracking parameters dropped (utm_*, fbclid, Blogger's
 * `m=1` and `showComment`), so the same article fetched twice is one item.
 */
export function itemUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of Array.from(u.searchParams.keys())) if (TRACKING_PARAMS.test(k)) u.searchParams.delete(k);
    return u.href;
  } catch {
    return url;
  }
}
