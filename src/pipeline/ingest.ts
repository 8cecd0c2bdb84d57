import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Fetcher } from '../sources/fetcher.js';
import type { Finding, OutletType, Snapshot, SourceItem, StoredDocument } from '../core/types.js';
import { runDetectors, type DetectorFailure } from '../detect/runner.js';
import type { DetectDocument, Detector } from '../detect/types.js';
import type { Db, DbOrTrx } from '../store/db.js';
import { getDocument, ingestItems, toStoredDocument, type IngestResult } from '../store/documents.js';
import { replaceFindings } from '../store/findings.js';
import { putSnapshot } from '../store/snapshots.js';
import type { CampaignTracker } from './campaigns.js';

export interface PipelineDeps {
  db: Db;
  clock: Clock;
  detectors: readonly Detector[];
  /** The near-duplicate / campaign stage; absent, documents are not clustered. */
  campaigns?: CampaignTracker | undefined;
}

/** What crawling needs besides ingest: the fetcher and a logger (the AppContext provides both). */
export interface CrawlDeps extends PipelineDeps {
  fetcher: Fetcher;
  logger: Logger;
}

export interface IngestReport extends IngestResult {
  findings: number;
  failures: DetectorFailure[];
}

/** The detector's view of a stored document. */
export function toDetectDocument(d: StoredDocument, outletType: OutletType | null): DetectDocument {
  return {
    id: d.id,
    kind: d.kind,
    text: d.text,
    title: d.title,
    url: d.url,
    parentId: d.parentId,
    author: d.author,
    outletType,
    publishedAt: d.publishedAt,
  };
}

/**
 * Stores one batch of items (with the snapshot they came from) atomically, then runs the detectors on
 * the documents that are new or changed and stores their findings. Unchanged items cost one lookup.
 */
export async function ingestBatch(
  deps: PipelineDeps,
  batch: { outletId: string | null; items: readonly SourceItem[]; snapshot: Snapshot | null },
): Promise<IngestReport> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const sha = batch.snapshot ? await putSnapshot(trx, batch.snapshot) : null;
    return ingestItems(trx, {
      outletId: batch.outletId,
      items: batch.items,
      snapshotSha256: sha,
      seenAt: now,
    });
  });
  const fresh = await loadInOrder(
    deps.db,
    result.items.filter((i) => i.outcome !== 'unchanged').map((i) => i.id),
  );
  const detection = await detectStored(deps, fresh);
  const campaignFindings =
    deps.campaigns && fresh.length > 0 ? (await deps.campaigns.update(deps.db, fresh)).findings : 0;
  return { ...result, findings: detection.findings.length + campaignFindings, failures: detection.failures };
}

/** Stored documents by id, in the order of `ids` (unknown ids are left out). */
async function loadInOrder(db: DbOrTrx, ids: readonly string[]): Promise<StoredDocument[]> {
  if (ids.length === 0) return [];
  const rows = new Map(
    (
      await db
        .selectFrom('documents')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => {
    const r = rows.get(id);
    return r ? [toStoredDocument(r)] : [];
  });
}

/** Runs the detectors on stored documents (new, changed, or asked for again) and replaces their findings. */
export async function detectDocuments(
  deps: PipelineDeps,
  ids: readonly string[],
): Promise<{ findings: Finding[]; failures: DetectorFailure[] }> {
  return detectStored(deps, await loadInOrder(deps.db, ids));
}

async function detectStored(
  deps: PipelineDeps,
  docs: readonly StoredDocument[],
): Promise<{ findings: Finding[]; failures: DetectorFailure[] }> {
  if (docs.length === 0 || deps.detectors.length === 0) return { findings: [], failures: [] };
  const outletTypes = await outletTypesOf(deps.db, docs);
  const typeOf = (d: StoredDocument) => outletTypes.get(d.outletId ?? '') ?? null;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const parents = new Map<string, DetectDocument>();
  for (const d of docs) {
    if (!d.parentId || parents.has(d.parentId)) continue;
    const p = byId.get(d.parentId) ?? (await getDocument(deps.db, d.parentId));
    if (p) parents.set(p.id, toDetectDocument(p, typeOf(p)));
  }
  const now = deps.clock.now();
  const result = runDetectors(
    deps.detectors,
    docs.map((d) => toDetectDocument(d, typeOf(d))),
    (doc) => ({ now, parent: doc.parentId ? (parents.get(doc.parentId) ?? null) : null }),
  );
  await deps.db.transaction().execute((trx) =>
    replaceFindings(
      trx,
      docs.map((d) => ({ id: d.id, version: d.version })),
      result.findings,
      now,
      deps.detectors.map((d) => d.id),
    ),
  );
  return result;
}

async function outletTypesOf(db: DbOrTrx, docs: readonly StoredDocument[]): Promise<Map<string, OutletType>> {
  const ids = [...new Set(docs.map((d) => d.outletId).filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('outlets').select(['id', 'type']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.type as OutletType]));
}
