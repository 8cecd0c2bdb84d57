import type { Generated } from 'kysely';

/** An appeal by the outlet or author against a case's decision. */
export interface ReviewAppealsTable {
  id: Generated<number>;
  case_id: number;
  appellant: string;
  reason: string;
  status: string;
  opened_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_id: number | null;
}

/** The appeal dialogue, both ways. */
export interface ReviewMessagesTable {
  id: Generated<number>;
  appeal_id: number;
  direction: string;
  author: string;
  body: string;
  at: Date;
}
