import { sql, type Kysely } from 'kysely';

/** The fact-check registry (claims with verdicts and corrections). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table fact_checks (
    id text primary key,
    external_id text unique,
    status text not null,
    claim text not null,
    data jsonb not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`.execute(db);
  await sql`create index fact_checks_status on fact_checks (status, updated_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists fact_checks`.execute(db);
}
