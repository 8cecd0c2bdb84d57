import { sha256Hex } from '../../core/hash.js';
import type { Role } from '../../core/permissions.js';
import type { DbOrTrx } from '../db.js';

export interface StoredUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

/** A user with the password hash, for signing in only. */
export async function findUserForLogin(db: DbOrTrx, username: string): Promise<(StoredUser & { passwordHash: string }) | null> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function listUsers(db: DbOrTrx): Promise<StoredUser[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

function toUser(r: { id: number; username: string; display_name: string; role: string; created_at: Date; disabled_at: Date | null }): StoredUser {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, createdAt: r.created_at, disabledAt: r.disabled_at };
}

/** The signed-in user of a session cookie value, if the session is live and the user enabled. */
export async function findSessionUser(db: DbOrTrx, sessionId: string, now: Date): Promise<StoredUser | null> {
  const r = await db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.id_sha256', '=', sha256Hex(sessionId))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? toUser(r) : null;
}
