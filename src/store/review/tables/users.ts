import type { Generated } from 'kysely';

/** A local account; the password is kept as an argon2id hash only. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

/** A browser session; only the SHA-256 of the cookie value is stored. */
export interface UserSessionsTable {
  id_sha256: string;
  user_id: number;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}
