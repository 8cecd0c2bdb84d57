import type { ColumnType, Generated } from 'kysely';

/** A queue item: one subject (document, account, outlet, campaign) with the findings about it. */
export interface ReviewCasesTable {
  id: Generated<number>;
  number: string;
  subject_kind: string;
  subject_ref: string;
  outlet_id: string | null;
  document_id: string | null;
  url: string | null;
  title: string | null;
  category: string;
  source: string;
  severity: number;
  confidence: number;
  reach: number;
  base_priority: number;
  sla_hours: number;
  state: string;
  findings: ColumnType<unknown, string, string>;
  note: string | null;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  opened_by: string;
  opened_at: Date;
  act_date: Date;
  decided_at: Date | null;
  closed_at: Date | null;
  /** Generated (migration 20261129T0010-queue-rank): the stored queue order. */
  queue_rank: ColumnType<number, never, never>;
}

/** Which case a finding opened or joined. */
export interface ReviewCaseFindingsTable {
  finding_id: number;
  case_id: number;
}
