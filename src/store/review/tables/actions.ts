import type { Generated } from 'kysely';

/** What a decision does: a label, a notice, a takedown request, an escalation. */
export interface ReviewActionsTable {
  id: Generated<number>;
  case_id: number;
  decision_id: number;
  kind: string;
  status: string;
  deadline_hours: number | null;
  deadline_at: Date | null;
  fact_check_url: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  notice_text: string | null;
  notice_html: string | null;
  appeal_token_sha256: string | null;
  issued_at: Date | null;
  checked_at: Date | null;
  check_result: string | null;
  check_snapshot_sha256: string | null;
  created_at: Date;
}
