import type { ColumnType } from 'kysely';

/** The registry version: one row, one more with every change to a provision. */
export interface LegalRegistryTable {
  id: number;
  version: number;
  seed_version: string;
  updated_at: Date;
}

/** Every revision of every provision; rows are never updated (the newest revision of an id is current). */
export interface LegalProvisionsTable {
  id: string;
  revision: number;
  registry_version: number;
  instrument: string;
  authority: string;
  article: string;
  clause: string | null;
  point: string | null;
  summary_vi: string;
  valid_from: string;
  valid_to: string | null;
  replaced_by: string | null;
  /** JSON array of harm categories, or null for any. */
  categories: ColumnType<unknown, string | null, never>;
  takedown_hours: number | null;
  unverified: boolean;
  note: string | null;
  reason: string | null;
  created_at: ColumnType<Date, Date, never>;
  created_by: string;
}
