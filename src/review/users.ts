import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { ROLES, type Role } from '../core/permissions.js';
import { appendAudit } from '../store/review/audit.js';
import { findUserForLogin, type StoredUser } from '../store/review/users.js';
import type { ReviewDeps } from './cases.js';

/** The cookie that carries a browser session. */
export const SESSION_COOKIE = 'kiemtin_session';
export const SESSION_HOURS = 12;

/** Roles a person can hold (the machine role `push` is for tokens only). */
export const USER_ROLES = ROLES.filter((r) => r !== 'push');

/** The audit actor of a user. */
export const userActor = (username: string): string => `user:${username}`;

/** Creates a local account with an argon2id password hash. */
export async function createUser(
  deps: ReviewDeps,
  input: { username: string; displayName?: string | undefined; role: Role; password: string },
  actor: string,
): Promise<StoredUser> {
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.username)) throw new AppError('INVALID_INPUT', 'username: 2–63 characters: lower-case letters, digits, ".", "_", "-"');
  if (input.role === 'push') throw new AppError('INVALID_INPUT', 'role: "push" is for machine tokens, not people');
  if (input.password.length < 10) throw new AppError('INVALID_INPUT', 'password: at least 10 characters');
  const passwordHash = await hash(input.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `username: "${input.username}" is taken`);
    const r = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName ?? input.username, role: input.role, password_hash: passwordHash, created_at: now, disabled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'user.created', subject: userActor(r.username), payload: { role: r.role } }, now);
    return { id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, createdAt: r.created_at, disabledAt: null };
  });
}

/**
 * Checks a password and opens a session; returns the cookie value (only its SHA-256 is stored).
 * A wrong username and a wrong password get the same answer.
 */
export async function login(deps: ReviewDeps, username: string, password: string): Promise<{ sessionId: string; user: StoredUser; expiresAt: Date }> {
  const u = await findUserForLogin(deps.db, username);
  const ok = u && !u.disabledAt ? await verify(u.passwordHash, password).catch(() => false) : false;
  if (!u || !ok) throw new AppError('UNAUTHENTICATED', 'Unknown username or wrong password');
  const now = deps.clock.now();
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('user_sessions').values({ id_sha256: sha256Hex(sessionId), user_id: u.id, created_at: now, expires_at: expiresAt, revoked_at: null }).execute();
    await appendAudit(trx, { actor: userActor(u.username), action: 'session.opened', subject: userActor(u.username), payload: { expiresAt } }, now);
  });
  const { passwordHash: _, ...user } = u;
  return { sessionId, user, expiresAt };
}

/** Ends a session; unknown or already ended sessions are a no-op. */
export async function logout(deps: ReviewDeps, sessionId: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const s = await trx
      .updateTable('user_sessions')
      .set({ revoked_at: now })
      .where('id_sha256', '=', sha256Hex(sessionId))
      .where('revoked_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst();
    if (!s) return false;
    const u = await trx.selectFrom('users').select('username').where('id', '=', s.user_id).executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: userActor(u.username), action: 'session.closed', subject: userActor(u.username), payload: {} }, now);
    return true;
  });
}
