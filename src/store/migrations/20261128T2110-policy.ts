import { sql, type Kysely } from 'kysely';

/** Policy packs with their history (the newest row is the pack in force). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table policy_packs (
    id serial primary key,
    pack_id text not null,
    version text not null,
    digest text not null,
    yaml text not null,
    applied_by text not null,
    applied_at timestamptz not null
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists policy_packs`.execute(db);
}
