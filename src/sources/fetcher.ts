/**
 * The contract between connectors and the crawler. Connectors take a Fetcher, so they are tested with
 * a fixture HTTP server (or an in-memory fetcher) and run against the real one in production.
 */

export interface FetchRequest {
  /** Validators from an earlier fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to HTML, XML and JSON. */
  accept?: string;
}

export interface FetchResult {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** True on 304 Not Modified; body is then empty. */
  notModified: boolean;
  /** The raw bytes as received (decompressed), kept as the evidence snapshot. */
  body: Uint8Array;
  /** Media type without parameters, lower case, e.g. "text/html". */
  mediaType: string;
  /** The character set the body was decoded with (e.g. "utf-8", "windows-1258"). */
  charset: string;
  /** The body decoded to Unicode NFC. */
  text: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
}

export interface Fetcher {
  /** Fetches one URL. Throws AppError with a FETCH_* or DECODE_* code; `retryable` says if a retry can help. */
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
}
