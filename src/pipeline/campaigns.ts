import type { Clock } from '../core/clock.js';
import type { Finding, StoredDocument } from '../core/types.js';
import {
  NEAR_DUPLICATE_DETECTOR,
  NearDupIndex,
  nearDuplicateFindings,
  type Campaign,
} from '../detect/neardup/index.js';
import { addNeardupDocs, listNeardupDocs, saveCampaign } from '../store/campaigns.js';
import type { Db } from '../store/db.js';
import { replaceFindings } from '../store/findings.js';

/** Clusters above this size only get findings for their new members (the campaign row has the rest). */
const REISSUE_LIMIT = 200;

/**
 * Keeps the near-duplicate index of the stored documents in memory (rebuilt from the stored
 * fingerprints on first use), adds each new document, and turns the clusters it touches into campaigns
 * and `near-duplicate` findings. One tracker per process: with several crawler processes on one
 * PostgreSQL server, run campaigns in one of them (docs/campaigns.md).
 */
export class CampaignTracker {
  private index: NearDupIndex | null = null;
  private loading: Promise<NearDupIndex> | null = null;

  constructor(private readonly clock: Clock) {}

  private async load(db: Db): Promise<NearDupIndex> {
    if (this.index) return this.index;
    this.loading ??= (async () => {
      const index = new NearDupIndex();
      for (const r of await listNeardupDocs(db)) {
        const meta = {
          id: r.document_id,
          author: r.author,
          outletId: r.outlet_id,
          publishedAt: r.published_at,
        };
        try {
          index.addPrepared(meta, index.decodePrepared(new Uint8Array(r.prepared), r.text));
        } catch {
          index.add({ ...meta, text: r.text }); // fingerprint made with other parameters: prepare again
        }
      }
      this.index = index;
      return index;
    })();
    return this.loading;
  }

  /** Adds documents (new ones; known ids are ignored) and updates the campaigns they join. */
  async update(db: Db, docs: readonly StoredDocument[]): Promise<{ campaigns: number; findings: number }> {
    if (docs.length === 0) return { campaigns: 0, findings: 0 };
    const index = await this.load(db);
    const fingerprints: Array<{ documentId: string; prepared: Uint8Array }> = [];
    const touched = new Map<string, { absorbed: Set<string>; fresh: Set<string> }>();
    for (const d of docs) {
      const prepared = index.prepare(d.text);
      const r = index.addPrepared(
        { id: d.id, author: d.author, outletId: d.outletId, publishedAt: d.publishedAt },
        prepared,
      );
      if (r.status === 'known') continue;
      if (r.status !== 'skipped')
        fingerprints.push({ documentId: d.id, prepared: index.encodePrepared(prepared) });
      if (!r.clusterId || r.clusterSize < 2) continue;
      const t = touched.get(r.clusterId) ?? { absorbed: new Set<string>(), fresh: new Set<string>() };
      for (const m of r.merged) t.absorbed.add(m);
      t.fresh.add(d.id);
      touched.set(r.clusterId, t);
    }
    const now = this.clock.now();
    let findings = 0;
    await db.transaction().execute(async (trx) => {
      await addNeardupDocs(trx, fingerprints);
      for (const [id, t] of touched) {
        // A cluster may itself have been absorbed later in this batch.
        const clusterId = index.clusterIdOf(id);
        if (clusterId !== id) continue;
        const c = index.campaign(id);
        if (!c) continue;
        await saveCampaign(
          trx,
          campaignRow(c, now),
          c.members.map((m) => m.id),
          [...t.absorbed].filter((a) => a !== id),
        );
        const all = nearDuplicateFindings(c);
        const issue =
          c.members.length > REISSUE_LIMIT && t.absorbed.size === 0
            ? all.filter((f) => t.fresh.has(f.documentId))
            : all;
        const versions = await trx
          .selectFrom('documents')
          .select(['id', 'version'])
          .where(
            'id',
            'in',
            issue.map((f) => f.documentId),
          )
          .execute();
        const list: Finding[] = issue.map((f) => ({
          ...f.draft,
          documentId: f.documentId,
          detector: NEAR_DUPLICATE_DETECTOR.id,
          detectorVersion: NEAR_DUPLICATE_DETECTOR.version,
        }));
        await replaceFindings(trx, versions, list, now, [NEAR_DUPLICATE_DETECTOR.id]);
        findings += list.length;
      }
    });
    return { campaigns: touched.size, findings };
  }
}

function campaignRow(c: Campaign, now: Date) {
  return {
    id: c.id,
    size: c.size,
    distinctTexts: c.distinctTexts,
    distinctAuthors: c.distinctAuthors,
    distinctOutlets: c.distinctOutlets,
    firstSeen: c.firstSeen === null ? null : new Date(c.firstSeen),
    lastSeen: c.lastSeen === null ? null : new Date(c.lastSeen),
    burstPerMinute: c.burstPerMinute,
    representativeDocId: c.representative.docId,
    representativeText: c.representative.text,
    updatedAt: now,
  };
}
