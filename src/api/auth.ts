import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
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

/**
 * How long a token or session, once looked up, is trusted without asking the store again. This bounds
 * how late a revocation made elsewhere (`kiemtin tokens revoke`, another API process, an expired or
 * deleted session) takes effect; sign-out through this process takes effect at once. Unknown
 * credentials are never cached.
 */
export const AUTH_CACHE_TTL_MS = 5000;
const MAX_CACHED = 10_000;

// Per store handle, keyed by the SHA-256 of the credential (the secret itself is not kept).
const principals = new WeakMap<Db, Map<string, { at: number; principal: Principal }>>();

/** Forgets every cached token and session of this store handle (sign-out, account changes). */
export function forgetCredentials(db: Db): void {
  principals.get(db)?.clear();
}

/** Authenticates the caller and returns who it is, or null when no credentials were sent. */
export async function authenticate(db: Db, authorization: string | undefined, sessionId: string | undefined, now: Date): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const credential = match?.[1] ? `b:${sha256Hex(match[1])}` : sessionId ? `s:${sha256Hex(sessionId)}` : null;
  if (!credential) return null;
  let cache = principals.get(db);
  if (!cache) principals.set(db, (cache = new Map()));
  const hit = cache.get(credential);
  const t = now.getTime();
  if (hit && t - hit.at >= 0 && t - hit.at < AUTH_CACHE_TTL_MS) return hit.principal;
  const principal = await lookup(db, match?.[1], sessionId, now);
  cache.delete(credential);
  cache.set(credential, { at: t, principal });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return principal;
}

async function lookup(db: Db, token: string | undefined, sessionId: string | undefined, now: Date): Promise<Principal> {
  if (token) {
    const t = await findToken(db, token);
    if (!t) throw new AppError('UNAUTHENTICATED', 'The token is unknown or revoked.');
    return { kind: 'token', actor: `token:${t.tokenId}`, name: t.name, role: t.role, outletId: t.outletId, tokenId: t.tokenId, userId: null };
  }
  const u = await findSessionUser(db, sessionId!, now);
  if (!u) throw new AppError('UNAUTHENTICATED', 'The session has expired or was closed; sign in again.');
  return { kind: 'user', actor: `user:${u.username}`, name: u.displayName, role: u.role, outletId: null, tokenId: null, userId: u.id };
}

/** What a route requires: a permission, or only that the caller is signed in (any role, any token). */
export const SIGNED_IN = 'signed-in';
export type Access = Permission | typeof SIGNED_IN;

/** Authenticates the bearer token (or the session cookie) and checks the route's declared permission. */
export function requirePermission(db: Db, permission: Access, clock: Clock = systemClock): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = await authenticate(db, c.req.header('authorization'), getCookie(c, SESSION_COOKIE), clock.now());
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token>" (create one with `kiemtin tokens create`) or sign in (POST /api/v1/session).');
    if (permission !== SIGNED_IN && !can(principal.role, permission)) {
      throw new AppError('FORBIDDEN', `Role "${principal.role}" may not ${permission}.`, { details: { permission, role: principal.role } });
    }
    c.set('principal', principal);
    await next();
  };
}
