import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { can, type Permission, type Role } from '../core/permissions.js';
import type { Db } from '../store/db.js';
import { findSessionUser } from '../store/review/users.js';
import { findToken } from '../store/tokens.js';

/** Who is calling: a machine token or a signed-in person. `actor` is how the audit log names them. */
export interface Principal {
  kind: 'token' | 'user';
  actor: string;
  name: string;
  role: Role;
  /** A push token may be bound to one outlet. */
  outletId: string | null;
  tokenId: number | null;
  userId: number | null;
}

export type ApiEnv = { Variables: { principal: Principal } };

/** The session cookie's name (see docs/review.md). */
export const SESSION_COOKIE = 'kiemtin_session';

/** Authenticates the caller and returns who it is, or null when no credentials were sent. */
export async function authenticate(db: Db, authorization: string | undefined, sessionId: string | undefined, now: Date): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (match?.[1]) {
    const t = await findToken(db, match[1]);
    if (!t) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    return { kind: 'token', actor: `token:${t.tokenId}`, name: t.name, role: t.role, outletId: t.outletId, tokenId: t.tokenId, userId: null };
  }
  if (sessionId) {
    const u = await findSessionUser(db, sessionId, now);
    if (!u) throw new AppError('UNAUTHENTICATED', 'The session has expired or was closed; sign in again.');
    return { kind: 'user', actor: `user:${u.username}`, name: u.displayName, role: u.role, outletId: null, tokenId: null, userId: u.id };
  }
  return null;
}

/** Authenticates the bearer token (or the session cookie) and checks the route's declared permission. */
export function requirePermission(db: Db, permission: Permission, clock: Clock = systemClock): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = await authenticate(db, c.req.header('authorization'), getCookie(c, SESSION_COOKIE), clock.now());
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token>" (create one with `kiemtin tokens create`) or sign in (POST /api/v1/session).');
    if (!can(principal.role, permission)) {
      throw new AppError('FORBIDDEN', `Role "${principal.role}" may not ${permission}.`, { details: { permission, role: principal.role } });
    }
    c.set('principal', principal);
    await next();
  };
}
