import { AppError } from '../core/errors.js';
import { appendAudit } from '../store/review/audit.js';
import type { QueueQuery, ReviewDeps } from './cases.js';

export interface SavedView {
  id: number;
  owner: string;
  name: string;
  filters: QueueQuery;
  createdAt: Date;
}

/** Saves (or replaces) a named queue filter of one reviewer. */
export async function saveView(deps: ReviewDeps, owner: string, name: string, filters: QueueQuery): Promise<SavedView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('review_saved_views')
      .values({ owner, name, filters: JSON.stringify(filters), created_at: now })
      .onConflict((oc) => oc.columns(['owner', 'name']).doUpdateSet({ filters: JSON.stringify(filters) }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: owner, action: 'view.saved', subject: `view:${r.id}`, payload: { name, filters } }, now);
    return { id: r.id, owner: r.owner, name: r.name, filters: r.filters as QueueQuery, createdAt: r.created_at };
  });
}

/** A reviewer's saved views. */
export async function listViews(deps: ReviewDeps, owner: string): Promise<SavedView[]> {
  const rows = await deps.db.selectFrom('review_saved_views').selectAll().where('owner', '=', owner).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, owner: r.owner, name: r.name, filters: r.filters as QueueQuery, createdAt: r.created_at }));
}

/** One of the reviewer's saved views, or NOT_FOUND. */
export async function requireView(deps: ReviewDeps, owner: string, id: number): Promise<SavedView> {
  const r = await deps.db.selectFrom('review_saved_views').selectAll().where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', `view: you have no saved view ${id}`);
  return { id: r.id, owner: r.owner, name: r.name, filters: r.filters as QueueQuery, createdAt: r.created_at };
}
