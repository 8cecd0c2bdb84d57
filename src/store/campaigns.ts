import type { Selectable } from 'kysely';
import type { DbOrTrx } from './db.js';
import type { CampaignsTable } from './tables/campaigns.js';

export interface CampaignRow {
  id: string;
  size: number;
  distinctTexts: number;
  distinctAuthors: number;
  distinctOutlets: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  burstPerMinute: number;
  representativeDocId: string;
  representativeText: string;
  updatedAt: Date;
}

export async function addNeardupDocs(
  db: DbOrTrx,
  rows: Array<{ documentId: string; prepared: Uint8Array }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('neardup_docs')
    .values(rows.map((r) => ({ document_id: r.documentId, prepared: r.prepared })))
    .onConflict((oc) => oc.column('document_id').doNothing())
    .execute();
}

/** Every indexed document with what the index needs, in insertion order. */
export async function listNeardupDocs(db: DbOrTrx) {
  return db
    .selectFrom('neardup_docs as n')
    .innerJoin('documents as d', 'd.id', 'n.document_id')
    .select(['n.document_id', 'n.prepared', 'd.text', 'd.author', 'd.outlet_id', 'd.published_at'])
    .orderBy('n.seq')
    .execute();
}

/** Replaces a campaign's summary and member list; campaigns absorbed into it are deleted. */
export async function saveCampaign(
  db: DbOrTrx,
  c: CampaignRow,
  memberIds: readonly string[],
  absorbed: readonly string[],
): Promise<void> {
  if (absorbed.length > 0)
    await db
      .deleteFrom('campaigns')
      .where('id', 'in', [...absorbed])
      .execute();
  const values = {
    id: c.id,
    size: c.size,
    distinct_texts: c.distinctTexts,
    distinct_authors: c.distinctAuthors,
    distinct_outlets: c.distinctOutlets,
    first_seen: c.firstSeen,
    last_seen: c.lastSeen,
    burst_per_minute: c.burstPerMinute,
    representative_doc_id: c.representativeDocId,
    representative_text: c.representativeText,
    updated_at: c.updatedAt,
  };
  const { id: _id, ...update } = values;
  await db
    .insertInto('campaigns')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
  for (let i = 0; i < memberIds.length; i += 1000) {
    await db
      .insertInto('campaign_members')
      .values(memberIds.slice(i, i + 1000).map((d) => ({ campaign_id: c.id, document_id: d })))
      .onConflict((oc) => oc.columns(['campaign_id', 'document_id']).doNothing())
      .execute();
  }
}

function toRow(r: Selectable<CampaignsTable>): CampaignRow {
  return {
    id: r.id,
    size: r.size,
    distinctTexts: r.distinct_texts,
    distinctAuthors: r.distinct_authors,
    distinctOutlets: r.distinct_outlets,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    burstPerMinute: r.burst_per_minute,
    representativeDocId: r.representative_doc_id,
    representativeText: r.representative_text,
    updatedAt: r.updated_at,
  };
}

/** Largest first; `minSize` filters small clusters. */
export async function listCampaigns(
  db: DbOrTrx,
  opts: { minSize?: number; limit: number },
): Promise<CampaignRow[]> {
  const rows = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('size', '>=', opts.minSize ?? 2)
    .orderBy('size', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id')
    .limit(opts.limit)
    .execute();
  return rows.map(toRow);
}

export async function getCampaign(
  db: DbOrTrx,
  id: string,
): Promise<{
  campaign: CampaignRow;
  members: Array<{
    id: string;
    author: string | null;
    outletId: string | null;
    publishedAt: Date | null;
    text: string;
    url: string;
  }>;
} | null> {
  const r = await db
    .selectFrom('campaigns')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', '=', id),
        eb('id', 'in', eb.selectFrom('campaign_members').select('campaign_id').where('document_id', '=', id)),
      ]),
    )
    .executeTakeFirst();
  if (!r) return null;
  const members = await db
    .selectFrom('campaign_members as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select(['d.id', 'd.author', 'd.outlet_id', 'd.published_at', 'd.text', 'd.url'])
    .where('m.campaign_id', '=', r.id)
    .orderBy('d.published_at')
    .orderBy('d.id')
    .execute();
  return {
    campaign: toRow(r),
    members: members.map((m) => ({
      id: m.id,
      author: m.author,
      outletId: m.outlet_id,
      publishedAt: m.published_at,
      text: m.text,
      url: m.url,
    })),
  };
}
