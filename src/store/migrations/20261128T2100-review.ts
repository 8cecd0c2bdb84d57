import { sql, type Kysely } from 'kysely';

/**
 * Review and enforcement: the hash-chained audit log, cases (queue items) with their findings,
 * decisions, actions (notices, takedown requests), appeals with their messages, saved views,
 * local users and sessions, webhooks and their deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Ids are assigned by the writer under the head lock, so the id is part of the hashed entry.
    sql`create table audit_log (
      id bigint primary key,
      at timestamptz not null,
      actor text not null,
      action text not null,
      subject text not null,
      payload jsonb not null,
      prev_hash text not null,
      hash text not null
    )`,
    sql`create index audit_log_subject on audit_log (subject, id)`,
    // One row: the last id and hash. Writers lock it (select ... for update) so the chain cannot fork.
    sql`create table audit_head (
      id integer primary key check (id = 1),
      last_id bigint not null,
      last_hash text not null
    )`,
    // Append-only at the database level too; verification still catches a superuser who disables this.
    sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end
    $$`,
    sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`,
    sql`create table review_cases (
      id serial primary key,
      number text not null unique,
      subject_kind text not null check (subject_kind in ('document', 'account', 'outlet', 'campaign')),
      subject_ref text not null,
      outlet_id text references outlets(id) on delete restrict,
      document_id text references documents(id) on delete restrict,
      url text,
      title text,
      category text not null,
      source text not null check (source in ('automated', 'report', 'own-initiative')),
      severity double precision not null,
      confidence double precision not null,
      reach integer not null,
      base_priority double precision not null,
      sla_hours integer not null,
      state text not null,
      findings jsonb not null,
      note text,
      claimed_by text,
      claim_expires_at timestamptz,
      opened_by text not null,
      opened_at timestamptz not null,
      act_date timestamptz not null,
      decided_at timestamptz,
      closed_at timestamptz
    )`,
    sql`create index review_cases_state on review_cases (state, category)`,
    // At most one case per subject that is still being handled.
    sql`create unique index review_cases_open_subject on review_cases (subject_kind, subject_ref) where state <> 'closed'`,
    // A finding opens or joins one case only.
    sql`create table review_case_findings (
      finding_id integer primary key,
      case_id integer not null references review_cases(id) on delete cascade
    )`,
    sql`create table review_decisions (
      id serial primary key,
      case_id integer not null references review_cases(id) on delete cascade,
      kind text not null check (kind in ('initial', 'appeal')),
      outcome text not null check (outcome in ('no-violation', 'violation')),
      category text not null,
      action text not null,
      legal_basis jsonb not null,
      facts text not null,
      statement jsonb not null,
      reviewer text not null,
      decided_at timestamptz not null,
      status text not null default 'in-force'
    )`,
    sql`create index review_decisions_case on review_decisions (case_id, id)`,
    sql`create index review_decisions_at on review_decisions (decided_at)`,
    sql`create table review_actions (
      id serial primary key,
      case_id integer not null references review_cases(id) on delete cascade,
      decision_id integer not null references review_decisions(id) on delete cascade,
      kind text not null,
      status text not null,
      deadline_hours integer,
      deadline_at timestamptz,
      fact_check_url text,
      approved_by text,
      approved_at timestamptz,
      notice_text text,
      notice_html text,
      appeal_token_sha256 text,
      issued_at timestamptz,
      checked_at timestamptz,
      check_result text,
      check_snapshot_sha256 text references snapshots(sha256),
      created_at timestamptz not null
    )`,
    sql`create index review_actions_due on review_actions (status, deadline_at)`,
    sql`create table review_appeals (
      id serial primary key,
      case_id integer not null references review_cases(id) on delete cascade,
      appellant text not null,
      reason text not null,
      status text not null check (status in ('open', 'upheld', 'reversed')),
      opened_at timestamptz not null,
      decided_by text,
      decided_at timestamptz,
      decision_id integer references review_decisions(id)
    )`,
    sql`create unique index review_appeals_one_open on review_appeals (case_id) where status = 'open'`,
    sql`create table review_messages (
      id serial primary key,
      appeal_id integer not null references review_appeals(id) on delete cascade,
      direction text not null check (direction in ('from-appellant', 'to-appellant')),
      author text not null,
      body text not null,
      at timestamptz not null
    )`,
    sql`create table review_saved_views (
      id serial primary key,
      owner text not null,
      name text not null,
      filters jsonb not null,
      created_at timestamptz not null,
      unique (owner, name)
    )`,
    sql`create table users (
      id serial primary key,
      username text not null unique,
      display_name text not null,
      role text not null,
      password_hash text not null,
      created_at timestamptz not null,
      disabled_at timestamptz
    )`,
    sql`create table user_sessions (
      id_sha256 text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`,
    sql`create table webhooks (
      id serial primary key,
      url text not null,
      secret text not null,
      events jsonb not null,
      created_at timestamptz not null,
      disabled_at timestamptz
    )`,
    sql`create table webhook_deliveries (
      id serial primary key,
      webhook_id integer not null references webhooks(id) on delete cascade,
      event text not null,
      payload jsonb not null,
      status text not null check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      created_at timestamptz not null
    )`,
    sql`create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webhook_deliveries',
    'webhooks',
    'user_sessions',
    'users',
    'review_saved_views',
    'review_messages',
    'review_appeals',
    'review_actions',
    'review_decisions',
    'review_case_findings',
    'review_cases',
    'audit_head',
    'audit_log',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
