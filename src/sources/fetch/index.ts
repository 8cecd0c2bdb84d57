/** The crawler's HTTP fetcher and its parts; connectors depend only on the Fetcher interface. */
export { createHttpFetcher, parseFetchUrl, type HttpFetcher, type HttpFetcherDeps } from './http-fetcher.js';
export { decodeBody, canonicalCharset, charsetFromContentType, type DecodedBody } from './charset.js';
export { toDeadLetter, type DeadLetter } from './dead-letter.js';
export {
  blockedRange,
  createAddressGuard,
  parseAllowList,
  type AddressGuard,
  type AllowList,
  type ResolveFn,
  type ResolvedAddress,
} from './address-guard.js';
export { createHostLimiter, type HostLimiter, type HostLimiterOptions } from './host-limiter.js';
export { createRobotsCache, robotsAgentToken, type RobotsCache, type RobotsVerdict } from './robots.js';
export { backoffDelay, parseRetryAfter, DEFAULT_BACKOFF, type BackoffOptions } from './retry.js';
