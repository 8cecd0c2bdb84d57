import { toAppError } from '../core/errors.js';

/** Exit codes: 0 success, 1 operation failed, 2 invalid input or usage, 70 internal error. */
export function exitCodeFor(err: unknown): number {
  const e = toAppError(err);
  if (e.code === 'INVALID_INPUT' || e.code === 'CONFIG_INVALID' || e.code === 'POLICY_INVALID') return 2;
  if (e.code === 'INTERNAL') return 70;
  return 1;
}

/** The one place where an error becomes what a person reads on the terminal. */
export function formatError(err: unknown): string {
  const e = toAppError(err);
  if (e.code === 'INTERNAL') {
    return `kiemtin: internal error: ${e.message}\n${e.cause instanceof Error && e.cause.stack ? e.cause.stack : ''}`;
  }
  return `kiemtin: ${e.message} [${e.code}]`;
}
