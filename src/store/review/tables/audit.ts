import type { ColumnType } from 'kysely';

/** One entry of the hash-chained audit log (append-only; see docs/review.md). */
export interface AuditLogTable {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  payload: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

/** The chain head: one row, locked by every writer. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}
