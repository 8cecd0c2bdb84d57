import type { DbOrTrx } from './db.js';

/** A stored fact-check: the indexed columns and the full record as JSON (validated by the caller). */
export interface FactCheckRow {
  id: string;
  externalId: string | null;
  status: string;
  claim: string;
  data: unknown;
}

/** Inserts or replaces fact-checks by id; created_at is kept for existing ones. */
export async function upsertFactChecks(db: DbOrTrx, rows: readonly FactCheckRow[], now: Date): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('fact_checks')
      .values({ id: r.id, external_id: r.externalId, status: r.status, claim: r.claim, data: JSON.stringify(r.data), created_at: now, updated_at: now })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ external_id: r.externalId, status: r.status, claim: r.claim, data: JSON.stringify(r.data), updated_at: now }),
      )
      .execute();
  }
}

export async function listFactCheckRows(db: DbOrTrx, filter: { status?: string } = {}): Promise<FactCheckRow[]> {
  let q = db.selectFrom('fact_checks').select(['id', 'external_id', 'status', 'claim', 'data']);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, status: r.status, claim: r.claim, data: r.data }));
}

/** By internal id or external id. */
export async function getFactCheckRow(db: DbOrTrx, id: string): Promise<FactCheckRow | null> {
  const r = await db
    .selectFrom('fact_checks')
    .select(['id', 'external_id', 'status', 'claim', 'data'])
    .where((eb) => eb.or([eb('id', '=', id), eb('external_id', '=', id)]))
    .executeTakeFirst();
  return r ? { id: r.id, externalId: r.external_id, status: r.status, claim: r.claim, data: r.data } : null;
}
