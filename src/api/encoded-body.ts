import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sha256Hex } from '../core/hash.js';

/** The content codings a cached body is sent in. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

// On ties the smaller body wins: a browser sends "gzip, deflate, br, zstd" (all q=1) and gets br.
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to answer a request with, from its Accept-Encoding (RFC 9110 §12.5.3): the highest
 * q-value among br, gzip and identity, `*` standing for those not named, ties to the smaller body.
 * No header, or nothing acceptable, gives identity (a body without coding is always understood).
 * @example chooseCoding('gzip, deflate, br') // 'br'; chooseCoding('gzip;q=1, br;q=0.5') // 'gzip'
 */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    // A malformed weight counts as 0: the coding is not taken on a guess.
    q.set(
      coding === 'x-gzip' ? 'gzip' : coding,
      Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0,
    );
  }
  const star = q.get('*');
  // identity is acceptable unless refused by name or by "*;q=0" without naming it; unnamed, it comes
  // after any coding the client named.
  const weight = (c: ContentCoding) => q.get(c) ?? star ?? (c === 'identity' ? 0.001 : 0);
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const c of PREFERENCE) {
    const w = weight(c);
    if (w > bestQ) [best, bestQ] = [c, w];
  }
  return best;
}

interface Encoded {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * A response body kept with its ETag (the first 32 hex of the SHA-256 of the uncoded bytes), and its
 * gzip and brotli forms, each made once, when first asked for. A coded form's ETag is the body's with
 * the coding appended (`"…-gzip"`, `"…-br"`): a validator names one representation, and the content's
 * hash keeps it valid across cache refills that produce the same content.
 */
export class EncodedBody {
  readonly #identity: Encoded;
  #gzip: Encoded | undefined;
  #br: Encoded | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    this.#identity = { bytes, etag: `"${sha256Hex(bytes).slice(0, 32)}"` };
  }

  /** The body and ETag in `coding`. */
  get(coding: ContentCoding): Encoded {
    if (coding === 'identity') return this.#identity;
    const tag = (suffix: string) => `${this.#identity.etag.slice(0, -1)}-${suffix}"`;
    if (coding === 'gzip')
      return (this.#gzip ??= { bytes: bufferBytes(gzipSync(this.#identity.bytes)), etag: tag('gzip') });
    // Quality 5: within ~10% of the best size at a hundredth of the time of quality 11 (30 kB JSON page).
    return (this.#br ??= {
      bytes: bufferBytes(
        brotliCompressSync(this.#identity.bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: this.#identity.bytes.length,
          },
        }),
      ),
      etag: tag('br'),
    });
  }
}

const bufferBytes = (b: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
