import { sha256Hex } from './hash.js';

/**
 * A document's id is derived from its outlet and canonical URL, so fetching the same item again (or
 * checking a page without storing it) always gives the same id: ingest is idempotent by construction.
 */
export function documentId(outletId: string | null, url: string): string {
  return 'd_' + sha256Hex(`${outletId ?? ''}\n${url}`).slice(0, 24);
}

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|zarsrc|_ga|mc_cid|mc_eid)$/i;

/**
 * Canonical form of a URL for identity: lower-case scheme and host, no default port, tracking
 * parameters removed, fragment kept only when it names a comment (e.g. `#c123`, `#comment-45`).
 * Example: canonicalUrl('HTTPS://Blog.vn:443/a?utm_source=x#top') === 'https://blog.vn/a'
 */
export function canonicalUrl(input: string): string {
  const url = new URL(input);
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  if (url.hash && !/^#(c\d+|comment-\d+|comment-[\w-]+)$/i.test(url.hash)) url.hash = '';
  return url.toString();
}

/** An id made from a name or host for people to type: "Báo Mẫu" → "bao-mau", "tin.vn" → "tin-vn". */
export function slugify(text: string): string {
  const slug = text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'outlet';
}
