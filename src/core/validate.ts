import type { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Parses input with a zod schema; failure is an INVALID_INPUT error naming the field and the problem,
 * e.g. "homeUrl: must be an absolute http(s) URL" (where: "line 3" for files).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where?: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message }));
  const first = issues[0]!;
  const prefix = where ? `${where}: ` : '';
  throw new AppError('INVALID_INPUT', `${prefix}${first.field}: ${first.message}`, { details: { issues, ...(where ? { where } : {}) } });
}
