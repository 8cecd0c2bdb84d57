import { sql, type Kysely } from 'kysely';

/**
 * The legal-basis registry as data (docs/legal-registry.md). Every change to a provision is a new row
 * (`revision` 1, 2, …), never an update, so a decision that cited revision r keeps its text; the newest
 * revision of an id is the provision as the registry knows it now. `legal_registry` holds the registry
 * version, one more with every change (the seed from the code list is version 1).
 *
 * Dates are Vietnam calendar days kept as YYYY-MM-DD text (the same on PGlite and on a server, and
 * compared as strings); `valid_to` is the first day the provision no longer applies.
 * The seed is written by the review layer on first use (src/review/legal-registry-store.ts), not here:
 * a migration may not import the code list (store is below review), and a copy here would drift.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table legal_registry (
      id integer primary key check (id = 1),
      version integer not null check (version >= 1),
      seed_version text not null,
      updated_at timestamptz not null
    )`,
    sql`create table legal_provisions (
      id text not null check (id ~ '^[a-z0-9][a-z0-9.-]{0,99}$'),
      revision integer not null check (revision >= 1),
      registry_version integer not null,
      instrument text not null,
      authority text not null,
      article text not null,
      clause text,
      point text,
      summary_vi text not null,
      valid_from text not null check (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      valid_to text check (valid_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and valid_to > valid_from),
      replaced_by text,
      categories jsonb,
      takedown_hours integer check (takedown_hours > 0),
      unverified boolean not null,
      note text,
      reason text,
      created_at timestamptz not null,
      created_by text not null,
      primary key (id, revision)
    )`,
    sql`create unique index legal_provisions_registry_version on legal_provisions (registry_version, id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists legal_provisions`.execute(db);
  await sql`drop table if exists legal_registry`.execute(db);
}
