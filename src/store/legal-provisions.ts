import { sql, type Selectable } from 'kysely';
import type { DbOrTrx, Trx } from './db.js';
import type { LegalProvisionsTable } from './tables/legal-provisions.js';

/** The fields of a provision, as the review layer's registry cites them (src/review/legal-registry.ts). */
export interface ProvisionFields {
  id: string;
  /** Instrument name and number, e.g. "Luật An ninh mạng 2018 (số 24/2018/QH14)". */
  instrument: string;
  authority: string;
  article: string;
  clause: string | null;
  point: string | null;
  /** What the provision says, in brief (Vietnamese). */
  summaryVi: string;
  validFrom: string;
  validTo: string | null;
  replacedBy: string | null;
  /** Harm categories the provision concerns; null = any (procedural provisions such as takedown duties). */
  categories: readonly string[] | null;
  /** Hours the addressee has to comply with a takedown request made under this provision. */
  takedownHours: number | null;
  unverified: boolean;
  note: string | null;
}

/** One stored revision of a provision: its fields as they were written, who wrote them and why. */
export interface ProvisionRevision extends ProvisionFields {
  revision: number;
  /** The registry version this revision made. */
  registryVersion: number;
  reason: string | null;
  createdAt: Date;
  createdBy: string;
}

export interface RegistryState {
  version: number;
  seedVersion: string;
  updatedAt: Date;
}

/** A stored revision as read (the table's columns; `categories` is parsed JSON or null). */
type Row = Selectable<LegalProvisionsTable>;

function toRevision(r: Row): ProvisionRevision {
  return {
    id: r.id,
    instrument: r.instrument,
    authority: r.authority,
    article: r.article,
    clause: r.clause,
    point: r.point,
    summaryVi: r.summary_vi,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    replacedBy: r.replaced_by,
    categories: (r.categories ?? null) as string[] | null,
    takedownHours: r.takedown_hours,
    unverified: r.unverified,
    note: r.note,
    revision: r.revision,
    registryVersion: r.registry_version,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** The registry version row, or null before the seed was written. */
export async function registryState(db: DbOrTrx, opts: { forUpdate?: boolean } = {}): Promise<RegistryState | null> {
  let q = db.selectFrom('legal_registry').selectAll().where('id', '=', 1);
  if (opts.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? { version: r.version, seedVersion: r.seed_version, updatedAt: r.updated_at } : null;
}

/**
 * Writes the seed as revision 1 of each provision and registry version 1, once: the caller that inserts
 * the version row writes the rows; a concurrent caller waits on that row and then does nothing.
 * Returns whether this call wrote the seed.
 */
export async function writeSeed(trx: Trx, seed: readonly ProvisionFields[], seedVersion: string, at: Date): Promise<boolean> {
  const r = await sql<{ id: number }>`insert into legal_registry (id, version, seed_version, updated_at)
    values (1, 1, ${seedVersion}, ${at}) on conflict (id) do nothing returning id`.execute(trx);
  if (r.rows.length === 0) return false;
  if (seed.length > 0) {
    await trx
      .insertInto('legal_provisions')
      .values(seed.map((p) => ({ ...columns(p), revision: 1, registry_version: 1, reason: 'seed', created_at: at, created_by: 'seed' })))
      .execute();
  }
  return true;
}

function columns(p: ProvisionFields) {
  return {
    id: p.id,
    instrument: p.instrument,
    authority: p.authority,
    article: p.article,
    clause: p.clause,
    point: p.point,
    summary_vi: p.summaryVi,
    valid_from: p.validFrom,
    valid_to: p.validTo,
    replaced_by: p.replacedBy,
    categories: p.categories === null ? null : JSON.stringify(p.categories),
    takedown_hours: p.takedownHours,
    unverified: p.unverified,
    note: p.note,
  };
}

/**
 * Appends a revision and moves the registry version by one. The caller holds the version row locked
 * (`registryState(trx, { forUpdate: true })`), so versions and revisions are assigned without gaps or races.
 */
export async function appendRevision(
  trx: Trx,
  p: ProvisionFields,
  meta: { revision: number; registryVersion: number; reason: string | null; by: string; at: Date },
): Promise<ProvisionRevision> {
  const row = await trx
    .insertInto('legal_provisions')
    .values({ ...columns(p), revision: meta.revision, registry_version: meta.registryVersion, reason: meta.reason, created_at: meta.at, created_by: meta.by })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable('legal_registry').set({ version: meta.registryVersion, updated_at: meta.at }).where('id', '=', 1).execute();
  return toRevision(row);
}

/** The newest revision of each provision (of the given ids only, when given), ordered by id. */
export async function currentRevisions(db: DbOrTrx, ids?: readonly string[]): Promise<ProvisionRevision[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('legal_provisions').selectAll().distinctOn('id');
  if (ids) q = q.where('id', 'in', [...ids]);
  const rows = await q.orderBy('id').orderBy('revision', 'desc').execute();
  return rows.map(toRevision);
}

/** Every revision of every provision, by id then revision. */
export async function allRevisions(db: DbOrTrx): Promise<ProvisionRevision[]> {
  const rows = await db.selectFrom('legal_provisions').selectAll().orderBy('id').orderBy('revision').execute();
  return rows.map(toRevision);
}

/** Every revision of one provision, oldest first (empty when there is no such id). */
export async function revisionsOf(db: DbOrTrx, id: string): Promise<ProvisionRevision[]> {
  const rows = await db.selectFrom('legal_provisions').selectAll().where('id', '=', id).orderBy('revision').execute();
  return rows.map(toRevision);
}

/** Exact revisions by (id, revision), e.g. those a decision cited. */
export async function revisionsByRef(db: DbOrTrx, refs: ReadonlyArray<{ id: string; revision: number }>): Promise<ProvisionRevision[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('legal_provisions')
    .selectAll()
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('id', '=', r.id), eb('revision', '=', r.revision)]))))
    .orderBy('id')
    .orderBy('revision')
    .execute();
  return rows.map(toRevision);
}

/**
 * The registry's version with a stamp that changes with every write of its row (the row's xmin, the id of
 * the transaction that wrote it): a change, or the row written again after the table was emptied, gives a
 * new stamp, so what was read at one stamp may be reused while the stamp is the same. Null before the seed.
 * One small statement, built by hand: decisions read it on every violation.
 */
export async function registryStamp(db: DbOrTrx): Promise<{ version: number; seedVersion: string; stamp: string } | null> {
  const r = await sql<{ version: number; seed_version: string; stamp: string }>`select version, seed_version, xmin::text as stamp from legal_registry where id = 1`.execute(db);
  const row = r.rows[0];
  return row ? { version: row.version, seedVersion: row.seed_version, stamp: row.stamp } : null;
}

/** The registry's stamp and version with the newest revision of every provision, in one statement (one snapshot). */
export async function stampedRegistry(db: DbOrTrx): Promise<(RegistryState & { stamp: string; revisions: ProvisionRevision[] }) | null> {
  const r = await sql<Partial<Row> & { r_version: number; r_seed_version: string; r_updated_at: Date; r_stamp: string }>`
    select reg.version as r_version, reg.seed_version as r_seed_version, reg.updated_at as r_updated_at, reg.xmin::text as r_stamp, p.*
    from legal_registry reg
    left join lateral (select distinct on (id) * from legal_provisions order by id, revision desc) p on true
    where reg.id = 1`.execute(db);
  const first = r.rows[0];
  if (!first) return null;
  return {
    version: first.r_version,
    seedVersion: first.r_seed_version,
    updatedAt: first.r_updated_at,
    stamp: first.r_stamp,
    revisions: r.rows.filter((row) => row.id !== null && row.id !== undefined).map((row) => toRevision(row as Row)),
  };
}
