import type { DbOrTrx } from './db.js';

export interface DeadLetter {
  outletId: string | null;
  url: string;
  code: string;
  reason: string;
  retryable: boolean;
  attempts: number;
  at: Date;
}

export async function addDeadLetter(db: DbOrTrx, d: DeadLetter): Promise<void> {
  await db
    .insertInto('dead_letters')
    .values({ outlet_id: d.outletId, url: d.url, code: d.code, reason: d.reason, retryable: d.retryable, attempts: d.attempts, at: d.at })
    .execute();
}

export async function listDeadLetters(db: DbOrTrx, opts: { outletId?: string; limit: number }): Promise<Array<DeadLetter & { id: number }>> {
  let q = db.selectFrom('dead_letters').selectAll();
  if (opts.outletId) q = q.where('outlet_id', '=', opts.outletId);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, outletId: r.outlet_id, url: r.url, code: r.code, reason: r.reason, retryable: r.retryable, attempts: r.attempts, at: r.at }));
}
