import type { ColumnType, Generated } from 'kysely';

export interface FindingsTable {
  id: Generated<number>;
  document_id: string;
  document_version: number;
  detector: string;
  detector_version: string;
  category: string;
  score: number;
  explanation: string;
  evidence: ColumnType<unknown, string, string>;
  created_at: Date;
}
