import type { Generated } from 'kysely';

/** Every policy pack ever applied, newest in force; rows are never updated (the history). */
export interface PolicyPacksTable {
  id: Generated<number>;
  pack_id: string;
  version: string;
  digest: string;
  yaml: string;
  applied_by: string;
  applied_at: Date;
}
