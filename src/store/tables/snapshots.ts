/** Raw bytes as fetched, content-addressed by the SHA-256 of the uncompressed body, gzip-compressed. */
export interface SnapshotsTable {
  sha256: string;
  url: string;
  media_type: string;
  size: number;
  compression: string;
  body: Uint8Array;
  fetched_at: Date;
}
