import type { Generated } from 'kysely';

/** Machine tokens (push API, integrations). Only the SHA-256 of a token is stored. */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_sha256: string;
  role: string;
  outlet_id: string | null;
  created_at: Date;
  revoked_at: Date | null;
}
