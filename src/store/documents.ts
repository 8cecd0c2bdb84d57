import { sha256Hex } from '../core/hash.js';
import { canonicalUrl, documentId } from '../core/ids.js';
import type { DocumentKind, SourceItem, StoredDocument } from '../core/types.js';
import type { DbOrTrx } from './db.js';
import type { DocumentsTable } from './tables/documents.js';
import { sql, type Insertable, type Selectable } from 'kysely';

export interface IngestBatch {
  outletId: string | null;
  items: readonly SourceItem[];
  /** SHA-256 of the snapshot the items were extracted from, if stored. */
  snapshotSha256: string | null;
  seenAt: Date;
}

export type IngestOutcome = 'inserted' | 'changed' | 'unchanged';

export interface IngestResult {
  inserted: number;
  changed: number;
  unchanged: number;
  /** Per item, in input order. */
  items: Array<{ id: string; outcome: IngestOutcome; version: number }>;
}

// Rows per statement: stays far below PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

/** The fields whose change makes a new version of a document. */
function contentHash(item: SourceItem, parentId: string | null): string {
  return sha256Hex(
    JSON.stringify([item.kind, parentId, item.title, item.author, item.publishedAt?.toISOString() ?? null, item.text]),
  );
}

/**
 * Stores items idempotently: an item seen before with the same content only refreshes last_seen_at; a
 * changed item gets version n+1 (the old version stays in document_versions). Call inside a transaction
 * to make a batch atomic.
 */
export async function ingestItems(db: DbOrTrx, batch: IngestBatch): Promise<IngestResult> {
  const prepared = new Map<string, { item: SourceItem; url: string; parentId: string | null; hash: string }>();
  const order: string[] = [];
  for (const item of batch.items) {
    const url = canonicalUrl(item.url);
    const id = documentId(batch.outletId, url);
    const parentId = item.parentUrl ? documentId(batch.outletId, canonicalUrl(item.parentUrl)) : null;
    // The same item twice in one batch: the last one wins.
    prepared.set(id, { item: { ...item, text: item.text.normalize('NFC') }, url, parentId, hash: '' });
    order.push(id);
  }
  for (const p of prepared.values()) p.hash = contentHash(p.item, p.parentId);

  const ids = [...prepared.keys()];
  const existing = new Map<string, { hash: string; version: number }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'content_hash', 'version'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) existing.set(r.id, { hash: r.content_hash, version: r.version });
  }

  const outcome = new Map<string, { outcome: IngestOutcome; version: number }>();
  const inserts: Insertable<DocumentsTable>[] = [];
  const changes: Array<{ id: string; version: number }> = [];
  const unchanged: string[] = [];
  for (const [id, p] of prepared) {
    const prev = existing.get(id);
    if (!prev) {
      inserts.push(row(id, p, batch, 1));
      outcome.set(id, { outcome: 'inserted', version: 1 });
    } else if (prev.hash === p.hash) {
      unchanged.push(id);
      outcome.set(id, { outcome: 'unchanged', version: prev.version });
    } else {
      changes.push({ id, version: prev.version + 1 });
      outcome.set(id, { outcome: 'changed', version: prev.version + 1 });
    }
  }

  for (let i = 0; i < inserts.length; i += CHUNK) await insertNew(db, inserts.slice(i, i + CHUNK));
  for (const { id, version } of changes) {
    const p = prepared.get(id)!;
    const r = row(id, p, batch, version);
    await db
      .updateTable('documents')
      .set({
        kind: r.kind,
        parent_id: r.parent_id,
        external_id: r.external_id,
        title: r.title,
        author: r.author,
        author_url: r.author_url,
        published_at: r.published_at,
        text: r.text,
        content_hash: r.content_hash,
        version,
        snapshot_sha256: r.snapshot_sha256,
        last_seen_at: batch.seenAt,
      })
      .where('id', '=', id)
      .execute();
    await db.insertInto('document_versions').values(versionRow(r)).execute();
  }
  for (let i = 0; i < unchanged.length; i += CHUNK) {
    await db
      .updateTable('documents')
      .set({ last_seen_at: batch.seenAt })
      .where('id', 'in', unchanged.slice(i, i + CHUNK))
      .execute();
  }

  const result: IngestResult = { inserted: inserts.length, changed: changes.length, unchanged: unchanged.length, items: [] };
  for (const id of order) {
    const o = outcome.get(id)!;
    result.items.push({ id, ...o });
  }
  return result;
}

/**
 * Inserts new documents and their first versions in one statement: one array parameter per column
 * (unnest) keeps the statement small and its parsing cheap, and the text crosses the wire once.
 */
async function insertNew(db: DbOrTrx, rows: Insertable<DocumentsTable>[]): Promise<void> {
  const col = <T>(f: (r: Insertable<DocumentsTable>) => T) => rows.map(f);
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  await sql`
    with ins as (
      insert into documents (id, outlet_id, kind, parent_id, url, external_id, title, author, author_url,
        published_at, text, content_hash, version, snapshot_sha256, first_seen_at, last_seen_at)
      select * from unnest(
        ${col((r) => r.id)}::text[], ${col((r) => r.outlet_id ?? null)}::text[], ${col((r) => r.kind)}::text[],
        ${col((r) => r.parent_id ?? null)}::text[], ${col((r) => r.url)}::text[], ${col((r) => r.external_id ?? null)}::text[],
        ${col((r) => r.title ?? null)}::text[], ${col((r) => r.author ?? null)}::text[], ${col((r) => r.author_url ?? null)}::text[],
        ${col((r) => iso(r.published_at))}::timestamptz[], ${col((r) => r.text)}::text[], ${col((r) => r.content_hash)}::text[],
        ${col((r) => r.version)}::int[], ${col((r) => r.snapshot_sha256 ?? null)}::text[],
        ${col((r) => iso(r.first_seen_at))}::timestamptz[], ${col((r) => iso(r.last_seen_at))}::timestamptz[])
      returning id, version, title, author, published_at, text, content_hash, snapshot_sha256, last_seen_at
    )
    insert into document_versions (document_id, version, title, author, published_at, text, content_hash, snapshot_sha256, seen_at)
    select id, version, title, author, published_at, text, content_hash, snapshot_sha256, last_seen_at from ins`.execute(db);
}

function row(
  id: string,
  p: { item: SourceItem; url: string; parentId: string | null; hash: string },
  batch: IngestBatch,
  version: number,
): Insertable<DocumentsTable> {
  return {
    id,
    outlet_id: batch.outletId,
    kind: p.item.kind,
    parent_id: p.parentId,
    url: p.url,
    external_id: p.item.externalId,
    title: p.item.title,
    author: p.item.author,
    author_url: p.item.authorUrl,
    published_at: p.item.publishedAt,
    text: p.item.text,
    content_hash: p.hash,
    version,
    snapshot_sha256: batch.snapshotSha256,
    first_seen_at: batch.seenAt,
    last_seen_at: batch.seenAt,
  };
}

function versionRow(r: Insertable<DocumentsTable>) {
  return {
    document_id: r.id,
    version: r.version,
    title: r.title,
    author: r.author,
    published_at: r.published_at,
    text: r.text,
    content_hash: r.content_hash,
    snapshot_sha256: r.snapshot_sha256,
    seen_at: r.last_seen_at,
  };
}

export function toStoredDocument(r: Selectable<DocumentsTable>): StoredDocument {
  return {
    id: r.id,
    outletId: r.outlet_id,
    kind: r.kind as DocumentKind,
    parentId: r.parent_id,
    url: r.url,
    externalId: r.external_id,
    title: r.title,
    author: r.author,
    authorUrl: r.author_url,
    publishedAt: r.published_at,
    text: r.text,
    version: r.version,
    snapshotSha256: r.snapshot_sha256,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  };
}

export async function getDocument(db: DbOrTrx, id: string): Promise<StoredDocument | null> {
  const r = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toStoredDocument(r) : null;
}

export interface DocumentFilter {
  outletId?: string | undefined;
  kind?: DocumentKind | undefined;
  parentId?: string | undefined;
  /** Keyset cursor: the id of the last document of the previous page (ordered by first_seen_at, id). */
  after?: { firstSeenAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest first, keyset-paginated. */
export async function listDocuments(db: DbOrTrx, f: DocumentFilter): Promise<StoredDocument[]> {
  let q = db.selectFrom('documents').selectAll();
  if (f.outletId) q = q.where('outlet_id', '=', f.outletId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  if (f.after) {
    const { firstSeenAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('first_seen_at', '<', firstSeenAt), eb.and([eb('first_seen_at', '=', firstSeenAt), eb('id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('first_seen_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(toStoredDocument);
}

export async function listVersions(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('version', 'asc')
    .execute();
}

export async function countDocuments(db: DbOrTrx): Promise<number> {
  const r = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
