import type { ColumnType } from 'kysely';

/**
 * The fact-check registry. The whole record (verdict, correction, evidence links, history) is kept as
 * JSON in `data`; the columns are what queries filter on.
 */
export interface FactChecksTable {
  id: string;
  external_id: string | null;
  status: string;
  claim: string;
  data: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}
