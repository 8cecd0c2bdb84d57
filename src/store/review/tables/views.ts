import type { ColumnType, Generated } from 'kysely';

/** A reviewer's named queue filter. */
export interface ReviewSavedViewsTable {
  id: Generated<number>;
  owner: string;
  name: string;
  filters: ColumnType<unknown, string, string>;
  created_at: Date;
}
