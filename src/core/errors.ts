/**
 * One error type for the whole project, with a closed set of codes.
 * Every code is listed in docs/errors.md; tests/errors-doc.test.ts keeps the two equal.
 */

export interface ErrorCodeInfo {
  /** HTTP status the API answers with. */
  readonly status: number;
  /** Whether trying the same operation again later can help (network, timeouts, 5xx). */
  readonly retryable: boolean;
  /** One line for docs/errors.md. */
  readonly description: string;
}

export const ERROR_CODES = {
  INVALID_INPUT: { status: 400, retryable: false, description: 'A request, file or argument is malformed; the message names the field or line.' },
  UNAUTHENTICATED: { status: 401, retryable: false, description: 'No valid token or session was presented.' },
  FORBIDDEN: { status: 403, retryable: false, description: 'The caller is authenticated but its role does not allow this action.' },
  NOT_FOUND: { status: 404, retryable: false, description: 'The outlet, document or other object named does not exist.' },
  CONFLICT: { status: 409, retryable: false, description: 'The change conflicts with the current state (duplicate key, item claimed by someone else).' },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false, description: 'A request body or imported item is larger than the configured limit.' },
  CONFIG_INVALID: { status: 500, retryable: false, description: 'The environment or command-line configuration is invalid; the message names the setting.' },
  FETCH_BAD_URL: { status: 400, retryable: false, description: 'A URL to fetch is not an absolute http(s) URL.' },
  FETCH_BLOCKED_ADDRESS: { status: 403, retryable: false, description: 'The host resolves to a private, loopback or link-local address that KIEMTIN_ALLOW_HOSTS does not allow.' },
  FETCH_ROBOTS_DISALLOWED: { status: 403, retryable: false, description: "The site's robots.txt disallows the URL for kiemtin's user agent." },
  FETCH_TIMEOUT: { status: 504, retryable: true, description: 'The server did not answer, or sent the body too slowly, within the time limit.' },
  FETCH_TOO_LARGE: { status: 413, retryable: false, description: 'The response body is larger than the maximum body size.' },
  FETCH_TOO_MANY_REDIRECTS: { status: 508, retryable: false, description: 'The URL redirects more times than allowed, or in a loop.' },
  FETCH_HTTP_STATUS: { status: 502, retryable: false, description: 'The server answered with an error status; 429 and 5xx are retryable, other 4xx are not.' },
  FETCH_NETWORK: { status: 502, retryable: true, description: 'The connection failed (DNS, refused, reset).' },
  DECODE_UNKNOWN_CHARSET: { status: 422, retryable: false, description: 'The declared character set is unknown and the bytes are not valid UTF-8.' },
  PARSE_XML: { status: 422, retryable: false, description: 'A feed or sitemap is not well-formed XML; the message gives line and column.' },
  PARSE_NOT_A_FEED: { status: 422, retryable: false, description: 'A URL configured as a feed returned something else (often an HTML page).' },
  PARSE_JSON: { status: 422, retryable: false, description: 'A JSON document or JSON line could not be parsed; the message gives the line.' },
  EXTRACT_NO_CONTENT: { status: 422, retryable: false, description: 'No article text could be extracted from the page.' },
  POLICY_INVALID: { status: 422, retryable: false, description: 'A policy pack failed validation; the message gives the line and reason. The running policy stays in force.' },
  AUDIT_CHAIN_BROKEN: { status: 409, retryable: false, description: 'The audit log hash chain does not verify; the message names the first bad entry.' },
  STORE_UNAVAILABLE: { status: 503, retryable: true, description: 'The database could not be opened or reached.' },
  INTERNAL: { status: 500, retryable: false, description: 'An unexpected error; details are logged, not returned.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  cause?: unknown;
  /** Structured details safe to show to the caller (field names, line numbers, URLs). */
  details?: Record<string, unknown>;
  /** Overrides the code's default (e.g. FETCH_HTTP_STATUS with 503 is retryable). */
  retryable?: boolean;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** True for an AppError with the given code (or any AppError when no code is given). */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/** Wraps anything thrown into an AppError; unknown errors become INTERNAL with the original as cause. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', message, { cause: err });
}
