import { sql, type Kysely } from 'kysely';

/** Near-duplicate fingerprints and campaigns (clusters of near-duplicate documents). */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create table neardup_docs (
      seq serial primary key,
      document_id text not null unique references documents(id) on delete cascade,
      prepared bytea not null
    )`,
    sql`create table campaigns (
      id text primary key,
      size integer not null,
      distinct_texts integer not null,
      distinct_authors integer not null,
      distinct_outlets integer not null,
      first_seen timestamptz,
      last_seen timestamptz,
      burst_per_minute double precision not null,
      representative_doc_id text not null,
      representative_text text not null,
      updated_at timestamptz not null
    )`,
    sql`create index campaigns_size on campaigns (size desc, last_seen desc)`,
    sql`create table campaign_members (
      campaign_id text not null references campaigns(id) on delete cascade,
      document_id text not null references documents(id) on delete cascade,
      primary key (campaign_id, document_id)
    )`,
    sql`create index campaign_members_document on campaign_members (document_id)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['campaign_members', 'campaigns', 'neardup_docs']) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}
