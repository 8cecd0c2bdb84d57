import type { Finding } from '../core/types.js';
import type { DbOrTrx } from './db.js';

/**
 * Replaces the findings of the given documents' current versions by the new set (detection is
 * re-runnable: the same document and version never collects duplicates). Findings of older versions stay.
 */
export async function replaceFindings(
  db: DbOrTrx,
  docs: Array<{ id: string; version: number }>,
  findings: readonly Finding[],
  now: Date,
  /** Only findings of these detectors are replaced (others, e.g. campaign findings, stay). */
  detectors: readonly string[],
): Promise<void> {
  if (detectors.length === 0) return;
  for (const d of docs) {
    await db
      .deleteFrom('findings')
      .where('document_id', '=', d.id)
      .where('document_version', '=', d.version)
      .where('detector', 'in', [...detectors])
      .execute();
  }
  const versions = new Map(docs.map((d) => [d.id, d.version]));
  const rows = findings
    .filter((f) => versions.has(f.documentId))
    .map((f) => ({
      document_id: f.documentId,
      document_version: versions.get(f.documentId)!,
      detector: f.detector,
      detector_version: f.detectorVersion,
      category: f.category,
      score: f.score,
      explanation: f.explanation,
      evidence: JSON.stringify(f.evidence),
      created_at: now,
    }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('findings').values(rows.slice(i, i + 1000)).execute();
}

export interface StoredFinding extends Finding {
  id: number;
  documentVersion: number;
  createdAt: Date;
}

export async function listFindings(
  db: DbOrTrx,
  f: { documentId?: string; category?: string; afterId?: number; limit: number },
): Promise<StoredFinding[]> {
  let q = db.selectFrom('findings').selectAll();
  if (f.documentId) q = q.where('document_id', '=', f.documentId);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.afterId !== undefined) q = q.where('id', '<', f.afterId);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    documentVersion: r.document_version,
    detector: r.detector,
    detectorVersion: r.detector_version,
    category: r.category,
    score: r.score,
    explanation: r.explanation,
    evidence: r.evidence as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
