import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../core/hash.js';
import type { DbOrTrx } from './db.js';

import type { Role } from '../core/permissions.js';

export type TokenRole = Role;

export interface TokenPrincipal {
  tokenId: number;
  name: string;
  role: TokenRole;
  /** A push token may be bound to one outlet. */
  outletId: string | null;
}

/** Creates a token and returns its secret once; only its hash is stored. */
export async function createToken(
  db: DbOrTrx,
  t: { name: string; role: TokenRole; outletId: string | null; now: Date },
): Promise<{ id: number; token: string }> {
  const token = 'kt_' + randomBytes(24).toString('base64url');
  const row = await db
    .insertInto('api_tokens')
    .values({ name: t.name, token_sha256: sha256Hex(token), role: t.role, outlet_id: t.outletId, created_at: t.now, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findToken(db: DbOrTrx, token: string): Promise<TokenPrincipal | null> {
  const r = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'outlet_id'])
    .where('token_sha256', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? { tokenId: r.id, name: r.name, role: r.role as TokenRole, outletId: r.outlet_id } : null;
}

export async function revokeToken(db: DbOrTrx, id: number, now: Date): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
