import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.js';
import { can, type Permission } from '../core/permissions.js';
import type { Db } from '../store/db.js';
import { findToken, type TokenPrincipal } from '../store/tokens.js';

export type ApiEnv = { Variables: { principal: TokenPrincipal } };

/** Authenticates the bearer token and checks the route's declared permission. */
export function requirePermission(db: Db, permission: Permission): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token>" (create one with `kiemtin tokens create`).');
    const principal = await findToken(db, match[1]);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    if (!can(principal.role, permission)) {
      throw new AppError('FORBIDDEN', `Role "${principal.role}" may not ${permission}.`, { details: { permission, role: principal.role } });
    }
    c.set('principal', principal);
    await next();
  };
}
