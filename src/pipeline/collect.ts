import { collect } from '../sources/connectors/index.js';
import type { FetchRequest, FetchResult, Fetcher } from '../sources/fetcher.js';
import type { Collector, CollectEvent } from './crawl.js';

class NotModified extends Error {}

/**
 * Runs the connector for a source kind. The source's own document is fetched conditionally with the
 * validators of the last crawl: a 304 ends the crawl of that source at once, and the new validators are
 * reported for the next time.
 */
export const collectSource: Collector = async function* (source, fetcher, opts): AsyncIterable<CollectEvent> {
  let seen: FetchResult | null = null;
  const conditional: Fetcher = {
    async fetch(url: string, request: FetchRequest = {}) {
      if (seen || url !== source.url) return fetcher.fetch(url, request);
      const r = await fetcher.fetch(url, { ...request, etag: opts.etag, lastModified: opts.lastModified });
      seen = r;
      if (r.notModified) throw new NotModified();
      return r;
    },
  };
  try {
    for await (const batch of collect(source, conditional, { maxPages: opts.maxPages, comments: opts.comments })) {
      for (const e of batch.errors) yield { type: 'error', url: e.url, error: e.error };
      if (batch.items.length > 0) yield { type: 'batch', items: batch.items, snapshot: batch.snapshot };
    }
  } catch (err) {
    if (!(err instanceof NotModified)) throw err;
  }
  const r = seen as FetchResult | null;
  if (r) yield { type: 'validators', etag: r.etag, lastModified: r.lastModified, notModified: r.notModified };
};
