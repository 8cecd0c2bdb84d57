import type { ColumnType, Generated } from 'kysely';

/** An outgoing webhook subscription; deliveries are signed with its secret. */
export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  secret: string;
  events: ColumnType<unknown, string, string>;
  created_at: Date;
  disabled_at: Date | null;
}

/** One event to deliver to one webhook, retried with backoff. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: ColumnType<unknown, string, string>;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
}
