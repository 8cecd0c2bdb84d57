import { extractPage } from '../sources/extract/page.js';
import type { Collector, CollectEvent } from './crawl.js';

/** Runs the connector for a source kind. */
export const collectSource: Collector = async function* (source, fetcher, opts): AsyncIterable<CollectEvent> {
  const r = await fetcher.fetch(source.url, { etag: opts.etag, lastModified: opts.lastModified });
  yield { type: 'validators', etag: r.etag, lastModified: r.lastModified, notModified: r.notModified };
  if (r.notModified) return;
  yield {
    type: 'batch',
    items: extractPage(r.url, r.text),
    snapshot: { url: r.url, contentType: r.headers['content-type'] ?? r.mediaType, body: r.body, fetchedAt: r.fetchedAt },
  };
};
