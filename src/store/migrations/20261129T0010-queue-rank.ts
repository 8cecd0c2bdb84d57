import { sql, type Kysely } from 'kysely';

/**
 * The review queue ordered by one stored column. Priority is base priority × 2^((t − SLA due time) / 24 h):
 * every case rises at the same rate, so the order never changes with the clock and
 * queue_rank = log2(base priority) − (SLA due time in hours since 2000) / 24 orders the queue exactly
 * at any time t (priority = 2^(queue_rank + t / 24 h)). It is a generated column, so every writer
 * (triage, hand-opened cases, bulk SQL) keeps it right. Base priorities are floored at 1e-9 (a case
 * with zero confidence still orders by its due time). queueRank() and priorityAt() in
 * src/store/review/cases.ts are its JS twins; bench/queue.bench.ts checks pages against the formula.
 *
 * The indexes of 20261128T2200-queue-indexes served a bounded scan of the earlier, time-dependent
 * order; they are replaced by keyset indexes on (…, queue_rank desc, id) for the common filters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`drop index if exists review_cases_queue_slope`,
    sql`drop index if exists review_cases_queue_due`,
    sql`drop index if exists review_cases_queue_opened`,
    sql`alter table review_cases add column queue_rank double precision generated always as (
      ln(greatest(base_priority, 1e-9)::float8) / ln(2::float8)
      - (date_part('epoch', opened_at - timestamptz '2000-01-01 00:00:00+00') / 3600 + sla_hours) / 24) stored`,
    // State first: the queue always filters by state; one index range per state, read in order.
    sql`create index review_cases_queue_rank on review_cases (state, queue_rank desc, id)`,
    sql`create index review_cases_queue_category on review_cases (state, category, queue_rank desc, id)`,
    sql`create index review_cases_queue_outlet on review_cases (state, outlet_id, queue_rank desc, id)`,
    // "Mine": few rows per reviewer; only claimed cases are in it.
    sql`create index review_cases_queue_claimed on review_cases (claimed_by, queue_rank desc, id) where claimed_by is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['review_cases_queue_claimed', 'review_cases_queue_outlet', 'review_cases_queue_category', 'review_cases_queue_rank']) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
  await sql`alter table review_cases drop column if exists queue_rank`.execute(db);
}
