import type { DbOrTrx } from './db.js';

export interface StoredPolicyPack {
  id: number;
  packId: string;
  version: string;
  digest: string;
  yaml: string;
  appliedBy: string;
  appliedAt: Date;
}

/** Records a (validated) pack as the one in force; earlier packs stay as history. */
export async function savePolicyPack(db: DbOrTrx, p: Omit<StoredPolicyPack, 'id'>): Promise<number> {
  const r = await db
    .insertInto('policy_packs')
    .values({ pack_id: p.packId, version: p.version, digest: p.digest, yaml: p.yaml, applied_by: p.appliedBy, applied_at: p.appliedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The pack in force, or null when none was ever applied (the shipped default is then in force). */
export async function activePolicyPack(db: DbOrTrx): Promise<StoredPolicyPack | null> {
  const r = await db.selectFrom('policy_packs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { id: r.id, packId: r.pack_id, version: r.version, digest: r.digest, yaml: r.yaml, appliedBy: r.applied_by, appliedAt: r.applied_at } : null;
}

export async function policyHistory(db: DbOrTrx): Promise<Array<Omit<StoredPolicyPack, 'yaml'>>> {
  const rows = await db.selectFrom('policy_packs').select(['id', 'pack_id', 'version', 'digest', 'applied_by', 'applied_at']).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, packId: r.pack_id, version: r.version, digest: r.digest, appliedBy: r.applied_by, appliedAt: r.applied_at }));
}
