import type { ColumnType, Generated } from 'kysely';

/** A reviewer's decision on a case (initial) or on an appeal. */
export interface ReviewDecisionsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  outcome: string;
  category: string;
  action: string;
  legal_basis: ColumnType<unknown, string, string>;
  facts: string;
  statement: ColumnType<unknown, string, string>;
  reviewer: string;
  decided_at: Date;
  /** 'in-force', 'rejected' (takedown not approved) or 'reversed' (on appeal). */
  status: ColumnType<string, string | undefined, string>;
}
