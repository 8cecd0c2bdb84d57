import { sql, type Kysely } from 'kysely';

/** Outlets and their sources, documents with versions, snapshots, dead letters, findings, tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table outlets (
      id text primary key,
      type text not null,
      name text not null,
      home_url text not null,
      licence_number text,
      licence_issuer text,
      responsible_person text,
      notice_contact text,
      status text not null default 'active',
      crawl jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create table outlet_sources (
      id serial primary key,
      outlet_id text not null references outlets(id) on delete cascade,
      kind text not null,
      url text not null,
      etag text,
      last_modified text,
      last_crawled_at timestamptz,
      next_due_at timestamptz,
      last_error text,
      unique (outlet_id, url)
    )`,
    sql`create table snapshots (
      sha256 text primary key,
      url text not null,
      media_type text not null,
      size integer not null,
      compression text not null,
      body bytea not null,
      fetched_at timestamptz not null
    )`,
    // Outlets are never hard-deleted while documents point at them (status 'retired' instead).
    sql`create table documents (
      id text primary key,
      outlet_id text references outlets(id) on delete restrict,
      kind text not null check (kind in ('post', 'comment')),
      parent_id text,
      url text not null,
      external_id text,
      title text,
      author text,
      author_url text,
      published_at timestamptz,
      text text not null,
      content_hash text not null,
      version integer not null,
      snapshot_sha256 text references snapshots(sha256),
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null
    )`,
    sql`create index documents_outlet_published on documents (outlet_id, published_at desc)`,
    sql`create index documents_parent on documents (parent_id)`,
    sql`create index documents_url on documents (url)`,
    sql`create table document_versions (
      document_id text not null references documents(id) on delete cascade,
      version integer not null,
      title text,
      author text,
      published_at timestamptz,
      text text not null,
      content_hash text not null,
      snapshot_sha256 text references snapshots(sha256),
      seen_at timestamptz not null,
      primary key (document_id, version)
    )`,
    sql`create table dead_letters (
      id serial primary key,
      outlet_id text references outlets(id) on delete cascade,
      url text not null,
      code text not null,
      reason text not null,
      retryable boolean not null,
      attempts integer not null,
      at timestamptz not null
    )`,
    sql`create index dead_letters_at on dead_letters (at desc)`,
    sql`create table findings (
      id serial primary key,
      document_id text not null references documents(id) on delete cascade,
      document_version integer not null,
      detector text not null,
      detector_version text not null,
      category text not null,
      score double precision not null,
      explanation text not null,
      evidence jsonb not null,
      created_at timestamptz not null
    )`,
    sql`create index findings_document on findings (document_id)`,
    sql`create index findings_category on findings (category, created_at desc)`,
    sql`create table api_tokens (
      id serial primary key,
      name text not null,
      token_sha256 text not null unique,
      role text not null,
      outlet_id text references outlets(id) on delete cascade,
      created_at timestamptz not null,
      revoked_at timestamptz
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'api_tokens',
    'findings',
    'dead_letters',
    'document_versions',
    'documents',
    'snapshots',
    'outlet_sources',
    'outlets',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
