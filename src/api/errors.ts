import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { HTTPException } from 'hono/http-exception';
import { AppError, toAppError } from '../core/errors.js';

/** The one place where any error becomes an HTTP response; details of internal errors stay in the log. */
export function errorResponse(err: unknown, c: Context, logger: Logger): Response {
  const e = fromHono(err) ?? toAppError(err);
  if (e.code === 'INTERNAL') {
    logger.error({ err, path: c.req.path }, 'internal error');
    return c.json({ error: { code: e.code, message: 'Internal error; see the server log.' } }, 500);
  }
  return c.json(
    { error: { code: e.code, message: e.message, retryable: e.retryable, ...(e.details ? { details: e.details } : {}) } },
    e.status as ContentfulStatusCode,
  );
}

/** A failed request-schema validation as the 400 every route answers (the field and what is wrong). */
export function invalidInput(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): AppError {
  const issue = issues[0];
  return new AppError('INVALID_INPUT', `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`, {
    details: { issues: issues.map((i) => ({ field: i.path.join('.'), message: i.message })) },
  });
}

/** Hono's own rejections (malformed JSON body, body too large) in our vocabulary. */
function fromHono(err: unknown): AppError | null {
  if (!(err instanceof HTTPException)) return null;
  if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (err.status < 500) return new AppError('INVALID_INPUT', `Malformed request: ${err.message || 'the body could not be parsed'}`);
  return null;
}
