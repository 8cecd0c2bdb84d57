import { gunzipSync, gzipSync } from 'node:zlib';
import { sha256Hex } from '../core/hash.js';
import type { Snapshot } from '../core/types.js';
import type { DbOrTrx } from './db.js';

/** Stores raw bytes once per content (SHA-256 of the uncompressed body) and returns the hash. */
export async function putSnapshot(db: DbOrTrx, snapshot: Snapshot): Promise<string> {
  const sha256 = sha256Hex(snapshot.body);
  await db
    .insertInto('snapshots')
    .values({
      sha256,
      url: snapshot.url,
      media_type: snapshot.contentType,
      size: snapshot.body.byteLength,
      compression: 'gzip',
      body: gzipSync(snapshot.body),
      fetched_at: snapshot.fetchedAt,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

/** Reads a snapshot back, uncompressed, or null when the hash is unknown. */
export async function getSnapshot(db: DbOrTrx, sha256: string): Promise<(Snapshot & { sha256: string }) | null> {
  const row = await db.selectFrom('snapshots').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!row) return null;
  const body = row.compression === 'gzip' ? gunzipSync(row.body) : row.body;
  return {
    sha256: row.sha256,
    url: row.url,
    contentType: row.media_type,
    body: new Uint8Array(body),
    fetchedAt: row.fetched_at,
  };
}
