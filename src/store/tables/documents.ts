import type { ColumnType } from 'kysely';

export interface DocumentsTable {
  id: string;
  outlet_id: string | null;
  kind: string;
  parent_id: string | null;
  url: string;
  external_id: string | null;
  title: string | null;
  author: string | null;
  author_url: string | null;
  published_at: Date | null;
  text: string;
  content_hash: string;
  version: number;
  snapshot_sha256: string | null;
  first_seen_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
}

/** Every version of a document, the current one included; rows are never updated. */
export interface DocumentVersionsTable {
  document_id: string;
  version: number;
  title: string | null;
  author: string | null;
  published_at: Date | null;
  text: string;
  content_hash: string;
  snapshot_sha256: string | null;
  seen_at: Date;
}
