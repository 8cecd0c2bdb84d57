import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { assertFactCheck, mergeIntoRegistry, parseFactChecks, type FactCheck } from '../detect/claims/index.js';
import type { Db, DbOrTrx } from '../store/db.js';
import { getFactCheckRow, listFactCheckRows, upsertFactChecks } from '../store/factchecks.js';

export interface ImportReport {
  added: string[];
  merged: string[];
  total: number;
}

/**
 * Imports fact-checks (the simple JSON array or ClaimReview JSON-LD). Items already in the registry —
 * same external id, or the same claim — are merged into the stored entry, never doubled; all-or-nothing.
 */
export async function importFactChecks(deps: { db: Db; clock: Clock }, json: unknown, by: string): Promise<ImportReport> {
  const now = deps.clock.now();
  const incoming = parseFactChecks(json, { now, by });
  return deps.db.transaction().execute(async (trx) => {
    const existing = await loadFactChecks(trx);
    const result = mergeIntoRegistry(existing, incoming, { now, by });
    const touched = new Set([...result.added, ...result.merged]);
    await upsertFactChecks(
      trx,
      result.factChecks.filter((f) => touched.has(f.id)).map((f) => ({ id: f.id, externalId: f.externalId, status: f.status, claim: f.claim, data: f })),
      now,
    );
    return { added: result.added, merged: result.merged, total: result.factChecks.length };
  });
}

export async function loadFactChecks(db: DbOrTrx, filter: { status?: string } = {}): Promise<FactCheck[]> {
  return (await listFactCheckRows(db, filter)).map((r) => assertFactCheck(r.data));
}

export async function requireFactCheck(db: DbOrTrx, id: string): Promise<FactCheck> {
  const row = await getFactCheckRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', `No fact-check with id "${id}"`, { details: { id } });
  return assertFactCheck(row.data);
}
