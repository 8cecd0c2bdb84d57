import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the review queue. Its order, base priority × (1 + age / SLA), depends on the time of
 * reading, so no index can hold it; instead `listQueue` bounds it. For a case opened by time T the
 * priority is slope × (T − due line), with slope = base priority / SLA hours and due line = opened
 * (hours since 2000) − SLA hours; both are indexed, so a probe finds a lower bound of the page's last
 * priority and a range scan fetches only the cases that can reach it. The expressions must stay
 * textually equal to QUEUE_SLOPE and QUEUE_DUE_LINE in src/store/review/cases.ts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create index review_cases_queue_slope on review_cases (state,
      (base_priority / nullif(sla_hours, 0)),
      (date_part('epoch', opened_at - timestamptz '2000-01-01 00:00:00+00') / 3600 - sla_hours))`,
    sql`create index review_cases_queue_due on review_cases (state,
      (date_part('epoch', opened_at - timestamptz '2000-01-01 00:00:00+00') / 3600 - sla_hours))`,
    // Cases opened after the time a cursor was read: their age is clamped to zero, outside the bound.
    sql`create index review_cases_queue_opened on review_cases (state, opened_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['review_cases_queue_opened', 'review_cases_queue_due', 'review_cases_queue_slope']) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
}
