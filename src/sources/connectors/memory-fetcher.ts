/** A Fetcher over a map URL → response, for tests and for replaying stored snapshots. */
import { AppError } from '../../core/errors.js';
import type { Fetcher, FetchResult } from '../fetcher.js';

export interface MemoryResponse {
  body: string | Uint8Array;
  /** Default 200. */
  status?: number;
  /** Default "text/html; charset=utf-8". */
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * Answers from `routes` (exact URL first, then the URL without its query); unknown URLs are HTTP 404,
 * thrown as FETCH_HTTP_STATUS like the real fetcher. `requests` lists the URLs asked for, in order.
 */
export function createMemoryFetcher(
  routes: Record<string, MemoryResponse | string>,
  fetchedAt: Date = new Date(0),
): Fetcher & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch(url) {
      requests.push(url);
      const found = routes[url] ?? routes[url.split('?')[0] ?? url];
      const r: MemoryResponse = typeof found === 'string' ? { body: found } : (found ?? { body: 'not found', status: 404 });
      const status = r.status ?? 200;
      if (status >= 400) {
        return Promise.reject(
          new AppError('FETCH_HTTP_STATUS', `GET ${url} answered HTTP ${status}`, { retryable: status >= 500, details: { url, status } }),
        );
      }
      const contentType = r.contentType ?? 'text/html; charset=utf-8';
      const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
      const result: FetchResult = {
        requestedUrl: url,
        url,
        status,
        headers: { 'content-type': contentType, ...(r.headers ?? {}) },
        notModified: false,
        body,
        mediaType: (contentType.split(';')[0] ?? '').trim().toLowerCase(),
        charset: 'utf-8',
        text: (typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body)).normalize('NFC'),
        etag: null,
        lastModified: null,
        fetchedAt,
      };
      return Promise.resolve(result);
    },
  };
}
