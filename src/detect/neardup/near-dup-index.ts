/**
 * Incremental near-duplicate index and campaign clustering.
 *
 * Documents arrive one by one (or in batches). Each distinct shingle set is one *text*; documents with
 * exactly the same set (same matching key: diacritics, case, teencode aside) collapse onto it, so a
 * million identical comments are one text with a member list. A new text is MinHashed, its LSH
 * candidates are verified by exact Jaccard on shingle sets, and verified pairs are joined with
 * union-find. A cluster's id is the id of its first document, so replaying the same documents in the
 * same order (e.g. rebuilding the index from the store at start) gives the same ids.
 */
import { AppError } from '../../core/errors.js';
import { fastKeyTokens, matchKey } from './key-tokens.js';
import { ChunkedArena } from './arena.js';
import { LshIndex, type LshOptions } from './lsh-index.js';
import { MinHasher, MINHASH_SEED } from './minhash.js';
import {
  DEFAULT_SHINGLE_OPTIONS,
  fmix32,
  sameSet,
  shingleSet,
  shingleSetOfTokens,
  similarity,
  type ShingleOptions,
  type ShingleSet,
} from './shingles.js';

export interface NearDupOptions {
  shingle: ShingleOptions;
  lsh: Partial<LshOptions>;
  /** MinHash permutations; must be at least bands × rows. */
  numPerm: number;
  /** Two texts are near-duplicates when the Jaccard similarity of their shingle sets reaches this. */
  threshold: number;
  /**
   * A new text joins a cluster only when it reaches this Jaccard similarity with the cluster's first
   * text, and two clusters merge only when their first texts do (0 = plain single link): a chain of
   * near-duplicates A~B~C~… cannot drift into unrelated text.
   */
  clusterGuard: number;
  /** Texts with fewer key syllables are not clustered ("ok", "hay quá" are not campaigns). */
  minTokens: number;
  /** Documents listed per text; beyond it only the count and last-seen time grow (bounded memory). */
  maxMembersPerText: number;
  /** Characters of each distinct text kept as its preview (the campaign's representative text). */
  previewChars: number;
  /** Use the fast stand-in key (fastKeyTokens, ~10× faster) instead of the text core's. */
  fastKey: boolean;
}

export const DEFAULT_NEAR_DUP_OPTIONS: NearDupOptions = {
  shingle: DEFAULT_SHINGLE_OPTIONS,
  lsh: {},
  numPerm: 160,
  threshold: 0.7,
  clusterGuard: 0.5,
  minTokens: 4,
  maxMembersPerText: 10_000,
  previewChars: 200,
  fastKey: false,
};

/** What the index needs to know about a document besides its text. */
export interface NearDupMeta {
  id: string;
  author?: string | null;
  outletId?: string | null;
  publishedAt?: Date | number | null;
}

export interface NearDupDoc extends NearDupMeta {
  text: string;
}

/** A document's text reduced to what the index keeps; persist it with `encodePrepared`. */
export interface PreparedText {
  /** Key syllables in the text. */
  tokens: number;
  shingles: ShingleSet;
  /** Computed on demand when absent. */
  signature: Uint32Array | null;
  preview: string;
}

export interface NearDupMatch {
  /** First document of the matched text. */
  docId: string;
  jaccard: number;
}

export interface AddResult {
  docId: string;
  /**
   * indexed: a new distinct text; duplicate: same key as an earlier text; skipped: too short to cluster;
   * known: this id was added before (ingest is idempotent, the first text stays).
   */
  status: 'indexed' | 'duplicate' | 'skipped' | 'known';
  clusterId: string | null;
  clusterSize: number;
  /** Verified near-duplicate texts found for a new text (best first, at most 20). */
  matches: NearDupMatch[];
  /** Ids of clusters merged into `clusterId` by this document (their findings need re-issuing). */
  merged: string[];
}

export interface CampaignMember {
  id: string;
  author: string | null;
  outletId: string | null;
  /** Epoch milliseconds, null when unknown. */
  publishedAt: number | null;
}

/** A cluster of near-duplicate documents as moderators see it. */
export interface Campaign {
  id: string;
  /** Documents in the cluster, including those beyond the listing cap. */
  size: number;
  distinctTexts: number;
  /** Listed documents in insertion order (at most maxMembersPerText per text). */
  members: CampaignMember[];
  distinctAuthors: number;
  distinctOutlets: number;
  authors: string[];
  outlets: string[];
  firstSeen: number | null;
  lastSeen: number | null;
  /** Most documents published within any 60-second window (posts per minute at the peak). */
  burstPerMinute: number;
  /** The most common text of the cluster: its first document, preview and count. */
  representative: { docId: string; text: string; count: number };
}

// Shingles per text at most (one arena chunk).
const MAX_SHINGLES = 1 << 18;

const BLOB_MAGIC = 0x4e445031; // "NDP1"
// Bumped when the shingle or MinHash functions change, so stored blobs from before are re-prepared.
const FINGERPRINT_VERSION = 2;

export class NearDupIndex {
  readonly opts: NearDupOptions;
  /** Fingerprint of every parameter that shapes a prepared text; stored blobs must match it. */
  readonly paramsHash: number;
  private readonly hasher: MinHasher;
  private readonly lsh: LshIndex;

  // Texts (distinct shingle sets), numbered as their LSH entries.
  private texts = 0;
  private readonly arena = new ChunkedArena<Uint32Array>((n) => new Uint32Array(n), MAX_SHINGLES);
  private shOff: Float64Array = new Float64Array(1024);
  private shLen: Int32Array = new Int32Array(1024);
  private shCapped: Uint8Array = new Uint8Array(1024);
  private parent: Int32Array = new Int32Array(1024);
  private clusterSize: Int32Array = new Int32Array(1024); // valid at roots
  private clusterTexts: Int32Array = new Int32Array(1024); // valid at roots
  private textCount: Int32Array = new Int32Array(1024);
  private textFirst: Float64Array = new Float64Array(1024);
  private textLast: Float64Array = new Float64Array(1024);
  private textNext: Int32Array = new Int32Array(1024); // next text of the same cluster
  private listTail: Int32Array = new Int32Array(1024); // valid at roots: last text of the cluster's list
  private memberHead: Int32Array = new Int32Array(1024);
  private memberTail: Int32Array = new Int32Array(1024);
  private listed: Int32Array = new Int32Array(1024);
  // Previews as UTF-8 in an arena (off the JS heap: no per-text string for the GC to trace).
  private readonly previewBytes = new ChunkedArena<Uint8Array>((n) => new Uint8Array(n), 1 << 20);
  private previewOff: Float64Array = new Float64Array(1024);
  private previewLen: Int32Array = new Int32Array(1024);
  // Exact-duplicate lookup: open addressing over texts by a 32-bit content hash (-1 = empty).
  private textHash: Int32Array = new Int32Array(1024);
  private exactSlots: Int32Array = new Int32Array(2048).fill(-1);

  // Documents (members), in insertion order.
  private members = 0;
  private memberText: Int32Array = new Int32Array(1024);
  private memberNext: Int32Array = new Int32Array(1024);
  private memberTime: Float64Array = new Float64Array(1024);
  private memberAuthor: Int32Array = new Int32Array(1024);
  private memberOutlet: Int32Array = new Int32Array(1024);
  private memberIds: string[] = [];
  private readonly byId = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private skipped = 0;
  private duplicates = 0;

  constructor(opts: Partial<NearDupOptions> = {}) {
    this.opts = { ...DEFAULT_NEAR_DUP_OPTIONS, ...opts };
    try {
      this.lsh = new LshIndex(this.opts.lsh);
    } catch (err) {
      throw new AppError('INVALID_INPUT', `near-duplicate LSH options: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const { bands, rows } = this.lsh.opts;
    if (this.opts.numPerm < bands * rows) {
      throw new AppError('INVALID_INPUT', `numPerm ${this.opts.numPerm} is below bands × rows = ${bands * rows}`);
    }
    if (!(this.opts.shingle.maxShingles >= 1 && this.opts.shingle.maxShingles <= MAX_SHINGLES)) {
      throw new AppError('INVALID_INPUT', `shingle.maxShingles must be 1..${MAX_SHINGLES}, got ${this.opts.shingle.maxShingles}`);
    }
    this.hasher = new MinHasher(this.opts.numPerm, MINHASH_SEED);
    const p = this.opts.shingle;
    this.paramsHash = fmix32(
      Math.imul(p.size, 0x9e3779b1) ^ Math.imul(p.maxShingles, 0x85ebca6b) ^ Math.imul(this.opts.numPerm, 0xc2b2ae35) ^ MINHASH_SEED ^ (this.opts.fastKey ? 0x5a5a5a5a : 0) ^ Math.imul(FINGERPRINT_VERSION, 0x27d4eb2f),
    );
  }

  /** The LSH banding in use (defaults merged with the options). */
  get lshOptions(): LshOptions {
    return this.lsh.opts;
  }

  /** Counts and an estimate of the memory held (typed arrays exactly; strings and maps estimated). */
  get stats(): { documents: number; listed: number; texts: number; duplicates: number; skipped: number; bytesEstimate: number } {
    // Per text slot: 12 Int32 arrays, shOff, previewOff, textFirst, textLast (Float64) and shCapped;
    // per member slot: 4 Int32 arrays and memberTime (Float64).
    const typed =
      this.arena.bytes +
      this.previewBytes.bytes +
      this.lsh.bytes +
      this.exactSlots.byteLength +
      this.parent.length * (12 * 4 + 4 * 8 + 1) +
      this.memberText.length * (4 * 4 + 8);
    // V8: ~16 B per array slot and ~40 B per Map entry, plus the strings themselves.
    let strings = 0;
    for (let i = 0; i < this.members; i++) strings += 16 + 2 * (this.memberIds[i]?.length ?? 0);
    const maps = 40 * (this.byId.size + this.nameIds.size);
    return {
      documents: this.members + this.unlistedCount(),
      listed: this.members,
      texts: this.texts,
      duplicates: this.duplicates,
      skipped: this.skipped,
      bytesEstimate: typed + strings + maps,
    };
  }

  private unlistedCount(): number {
    let n = 0;
    for (let t = 0; t < this.texts; t++) n += (this.textCount[t] as number) - (this.listed[t] as number);
    return n;
  }

  /** Reduces a text to its shingle set (and key length); the signature is left for later. */
  prepare(text: string): PreparedText {
    if (this.opts.fastKey) {
      const tokens = fastKeyTokens(text);
      return {
        tokens: tokens.length,
        shingles: shingleSetOfTokens(tokens, this.opts.shingle),
        signature: null,
        preview: previewOf(text, this.opts.previewChars),
      };
    }
    // The joined key string (no token objects): the same shingles as from keyTokens, tested.
    const key = matchKey(text);
    return {
      tokens: countSyllables(key),
      shingles: shingleSet(key, this.opts.shingle),
      signature: null,
      preview: previewOf(text, this.opts.previewChars),
    };
  }

  /** Adds one document; see AddResult. Example: `index.add({id:"c1", text:"...", author:"a"})`. */
  add(doc: NearDupDoc): AddResult {
    const known = this.byId.get(doc.id);
    if (known !== undefined) return this.resultFor(doc.id, this.memberText[known] as number, 'known', [], []);
    return this.addPrepared(doc, this.prepare(doc.text));
  }

  /** Adds documents in order; one result per document. */
  addMany(docs: Iterable<NearDupDoc>): AddResult[] {
    const out: AddResult[] = [];
    for (const d of docs) out.push(this.add(d));
    return out;
  }

  /** Adds a document whose text was prepared earlier (e.g. decoded from the store with decodePrepared). */
  addPrepared(meta: NearDupMeta, prep: PreparedText): AddResult {
    const known = this.byId.get(meta.id);
    if (known !== undefined) return this.resultFor(meta.id, this.memberText[known] as number, 'known', [], []);
    if (prep.shingles.hashes.length > this.opts.shingle.maxShingles) {
      throw new AppError('INVALID_INPUT', `prepared text of ${meta.id} has more than maxShingles = ${this.opts.shingle.maxShingles} shingles`);
    }
    if (prep.tokens < this.opts.minTokens || prep.shingles.hashes.length === 0) {
      this.skipped++;
      return { docId: meta.id, status: 'skipped', clusterId: null, clusterSize: 0, matches: [], merged: [] };
    }
    const h = contentHash(prep.shingles);
    const same = this.findExact(h, prep.shingles);
    if (same !== -1) {
      this.duplicates++;
      this.addMember(same, meta);
      return this.resultFor(meta.id, same, 'duplicate', [], []);
    }
    const sig = prep.signature ?? this.hasher.signature(prep.shingles);
    const bk = this.lsh.bandKeys(sig);
    const candidates = this.lsh.queryKeys(bk);
    const t = this.lsh.addKeys(bk);
    this.newText(t, prep, h);
    this.addMember(t, meta);
    const matches: NearDupMatch[] = [];
    const merged: string[] = [];
    for (const c of candidates) {
      const sim = similarity(prep.shingles, this.shinglesOf(c));
      if (sim.jaccard < this.opts.threshold) continue;
      matches.push({ docId: this.firstDocOf(c), jaccard: sim.jaccard });
      const absorbed = this.join(t, c);
      if (absorbed !== null) merged.push(absorbed);
    }
    matches.sort((a, b) => b.jaccard - a.jaccard);
    const mine = this.clusterIdOfText(t);
    return this.resultFor(meta.id, t, 'indexed', matches, merged.filter((m) => m !== mine && m !== meta.id));
  }

  /** Cluster id of a document, or null when it is not indexed (unknown, skipped or beyond the cap). */
  clusterIdOf(docId: string): string | null {
    const m = this.byId.get(docId);
    return m === undefined ? null : this.clusterIdOfText(this.memberText[m] as number);
  }

  /** Ids and sizes of clusters with at least `minSize` documents, in order of their first document. */
  clusters(minSize = 2): { id: string; size: number }[] {
    const out: { id: string; size: number }[] = [];
    for (let t = 0; t < this.texts; t++) {
      if (this.parent[t] === t && (this.clusterSize[t] as number) >= minSize) {
        out.push({ id: this.firstDocOf(t), size: this.clusterSize[t] as number });
      }
    }
    return out;
  }

  /** The campaign a document belongs to (any member id, or the cluster id), or null. */
  campaign(docId: string): Campaign | null {
    const m = this.byId.get(docId);
    if (m === undefined) return null;
    const root = this.find(this.memberText[m] as number);
    const members: CampaignMember[] = [];
    const authors = new Set<string>();
    const outlets = new Set<string>();
    const times: number[] = [];
    let first = Infinity;
    let last = -Infinity;
    let rep = root;
    let distinctTexts = 0;
    for (let t = root; t !== -1; t = this.textNext[t] as number) {
      distinctTexts++;
      if ((this.textCount[t] as number) > (this.textCount[rep] as number)) rep = t;
      if (!Number.isNaN(this.textFirst[t])) first = Math.min(first, this.textFirst[t] as number);
      if (!Number.isNaN(this.textLast[t])) last = Math.max(last, this.textLast[t] as number);
      for (let k = this.memberHead[t] as number; k !== -1; k = this.memberNext[k] as number) {
        const time = this.memberTime[k] as number;
        const a = this.memberAuthor[k] as number;
        const o = this.memberOutlet[k] as number;
        const member: CampaignMember = {
          id: this.memberIds[k] as string,
          author: a < 0 ? null : (this.names[a] as string),
          outletId: o < 0 ? null : (this.names[o] as string),
          publishedAt: Number.isNaN(time) ? null : time,
        };
        members.push(member);
        if (member.author !== null) authors.add(member.author);
        if (member.outletId !== null) outlets.add(member.outletId);
        if (member.publishedAt !== null) times.push(member.publishedAt);
      }
    }
    members.sort((x, y) => (this.byId.get(x.id) as number) - (this.byId.get(y.id) as number));
    return {
      id: this.firstDocOf(root),
      size: this.clusterSize[root] as number,
      distinctTexts,
      members,
      distinctAuthors: authors.size,
      distinctOutlets: outlets.size,
      authors: [...authors].sort(),
      outlets: [...outlets].sort(),
      firstSeen: first === Infinity ? null : first,
      lastSeen: last === -Infinity ? null : last,
      burstPerMinute: maxInWindow(times, 60_000),
      representative: {
        docId: this.firstDocOf(rep),
        text: this.previewOf(rep),
        count: this.textCount[rep] as number,
      },
    };
  }

  /** Shingle set of the text a document was indexed under (for exact comparisons by callers). */
  shinglesOfDoc(docId: string): ShingleSet | null {
    const m = this.byId.get(docId);
    return m === undefined ? null : this.shinglesOf(this.memberText[m] as number);
  }

  /** Serialises a prepared text (signature included, computed if missing) for a bytea column. */
  encodePrepared(prep: PreparedText): Uint8Array {
    const sig = prep.signature ?? this.hasher.signature(prep.shingles);
    const n = prep.shingles.hashes.length;
    const words = new Uint32Array(6 + sig.length + n);
    words.set([BLOB_MAGIC, this.paramsHash, prep.shingles.capped ? 1 : 0, prep.tokens, sig.length, n]);
    words.set(sig, 6);
    words.set(prep.shingles.hashes, 6 + sig.length);
    const out = new Uint8Array(words.length * 4);
    const view = new DataView(out.buffer);
    for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i] as number, true);
    return out;
  }

  /** Inverse of encodePrepared; throws INVALID_INPUT on a blob made with other parameters. */
  decodePrepared(bytes: Uint8Array, text = ''): PreparedText {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const word = (i: number): number => view.getUint32(i * 4, true);
    if (bytes.byteLength < 24 || word(0) !== BLOB_MAGIC) throw new AppError('INVALID_INPUT', 'not a near-duplicate blob');
    if (word(1) !== this.paramsHash) {
      throw new AppError('INVALID_INPUT', 'near-duplicate blob was made with other parameters; re-prepare from the text');
    }
    const sigLen = word(4);
    const n = word(5);
    if (bytes.byteLength !== (6 + sigLen + n) * 4) throw new AppError('INVALID_INPUT', 'near-duplicate blob has a wrong length');
    const sig = new Uint32Array(sigLen);
    for (let i = 0; i < sigLen; i++) sig[i] = word(6 + i);
    const hashes = new Uint32Array(n);
    for (let i = 0; i < n; i++) hashes[i] = word(6 + sigLen + i);
    return {
      tokens: word(3),
      shingles: { hashes, capped: word(2) === 1 },
      signature: sig,
      preview: previewOf(text, this.opts.previewChars),
    };
  }

  // --- internals ---

  private resultFor(docId: string, t: number, status: AddResult['status'], matches: NearDupMatch[], merged: string[]): AddResult {
    const root = this.find(t);
    return { docId, status, clusterId: this.firstDocOf(root), clusterSize: this.clusterSize[root] as number, matches, merged };
  }

  private clusterIdOfText(t: number): string {
    return this.firstDocOf(this.find(t));
  }

  private firstDocOf(t: number): string {
    return this.memberIds[this.memberHead[t] as number] as string;
  }

  private shinglesOf(t: number): ShingleSet {
    return { hashes: this.arena.at(this.shOff[t] as number, this.shLen[t] as number), capped: this.shCapped[t] === 1 };
  }

  private previewOf(t: number): string {
    return utf8.decode(this.previewBytes.at(this.previewOff[t] as number, this.previewLen[t] as number));
  }

  private storePreview(t: number, preview: string): void {
    // At most 3 UTF-8 bytes per UTF-16 code unit; a preview longer than a chunk keeps what fits.
    const room = Math.min(3 * preview.length, this.previewBytes.chunkSize);
    const { written } = utf8Encoder.encodeInto(preview, this.previewBytes.reserve(room).subarray(0, room));
    this.previewLen[t] = written;
    this.previewOff[t] = this.previewBytes.commit(written);
  }

  // The text whose shingle set equals `set` (content hash `h`), or -1.
  private findExact(h: number, set: ShingleSet): number {
    const slots = this.exactSlots;
    const mask = slots.length - 1;
    for (let i = fmix32(h) & mask; ; i = (i + 1) & mask) {
      const t = slots[i] as number;
      if (t === -1) return -1;
      if (this.textHash[t] === h && sameSet(this.shinglesOf(t), set)) return t;
    }
  }

  private addExact(t: number, h: number): void {
    this.textHash[t] = h;
    if (2 * this.texts > this.exactSlots.length) {
      // Keep the table at most half full; re-insert every text but t, which is added below.
      this.exactSlots = new Int32Array(this.exactSlots.length * 2).fill(-1);
      for (let u = 0; u < t; u++) this.placeExact(u);
    }
    this.placeExact(t);
  }

  private placeExact(t: number): void {
    const slots = this.exactSlots;
    const mask = slots.length - 1;
    let i = fmix32(this.textHash[t] as number) & mask;
    while (slots[i] !== -1) i = (i + 1) & mask;
    slots[i] = t;
  }

  private newText(t: number, prep: PreparedText, hash: number): void {
    if (t !== this.texts) throw new AppError('INTERNAL', 'near-duplicate index out of step with its LSH index');
    this.texts++;
    if (t >= this.parent.length) this.growTexts(this.parent.length * 2);
    const n = prep.shingles.hashes.length;
    this.shOff[t] = this.arena.push(prep.shingles.hashes);
    this.shLen[t] = n;
    this.shCapped[t] = prep.shingles.capped ? 1 : 0;
    this.parent[t] = t;
    this.clusterSize[t] = 0;
    this.clusterTexts[t] = 1;
    this.textCount[t] = 0;
    this.textFirst[t] = NaN;
    this.textLast[t] = NaN;
    this.textNext[t] = -1;
    this.listTail[t] = t;
    this.memberHead[t] = -1;
    this.memberTail[t] = -1;
    this.listed[t] = 0;
    this.storePreview(t, prep.preview);
    this.addExact(t, hash);
  }

  private addMember(t: number, meta: NearDupMeta): void {
    const time = toMillis(meta.publishedAt);
    this.textCount[t] = (this.textCount[t] as number) + 1;
    if (!Number.isNaN(time)) {
      const f = this.textFirst[t] as number;
      const l = this.textLast[t] as number;
      if (Number.isNaN(f) || time < f) this.textFirst[t] = time;
      if (Number.isNaN(l) || time > l) this.textLast[t] = time;
    }
    const root = this.find(t);
    this.clusterSize[root] = (this.clusterSize[root] as number) + 1;
    if ((this.listed[t] as number) >= this.opts.maxMembersPerText) return;
    this.listed[t] = (this.listed[t] as number) + 1;
    const m = this.members++;
    if (m >= this.memberText.length) this.growMembers(this.memberText.length * 2);
    this.memberText[m] = t;
    this.memberNext[m] = -1;
    this.memberTime[m] = time;
    this.memberAuthor[m] = this.nameId(meta.author);
    this.memberOutlet[m] = this.nameId(meta.outletId);
    this.memberIds[m] = meta.id;
    this.byId.set(meta.id, m);
    if (this.memberHead[t] === -1) this.memberHead[t] = m;
    else this.memberNext[this.memberTail[t] as number] = m;
    this.memberTail[t] = m;
  }

  private nameId(name: string | null | undefined): number {
    if (name === null || name === undefined || name === '') return -1;
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  private find(t: number): number {
    const p = this.parent;
    while (p[t] !== t) {
      const gp = p[p[t] as number] as number;
      p[t] = gp; // path halving
      t = gp;
    }
    return t;
  }

  // Joins the cluster of the new text `t` to that of the matching text `c` unless the guard keeps
  // them apart: t must be close enough to c's cluster's first text, and when t already joined
  // another cluster, the two first texts must be close enough too. Returns as union.
  private join(t: number, c: number): string | null {
    const guard = this.opts.clusterGuard;
    if (guard > 0) {
      const rt = this.find(t);
      const rc = this.find(c);
      if (rt === rc) return null;
      if (rc !== c && similarity(this.shinglesOf(t), this.shinglesOf(rc)).jaccard < guard) return null;
      if (rt !== t && similarity(this.shinglesOf(rt), this.shinglesOf(rc)).jaccard < guard) return null;
    }
    return this.union(t, c);
  }

  // Joins two texts' clusters; the root is the lower text number, so the cluster id (its first document)
  // is the earliest one. Returns the id of the cluster that disappeared, or null if already joined.
  private union(a: number, b: number): string | null {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return null;
    if (rb < ra) [ra, rb] = [rb, ra];
    const gone = this.firstDocOf(rb);
    this.parent[rb] = ra;
    this.clusterSize[ra] = (this.clusterSize[ra] as number) + (this.clusterSize[rb] as number);
    this.clusterTexts[ra] = (this.clusterTexts[ra] as number) + (this.clusterTexts[rb] as number);
    this.textNext[this.listTail[ra] as number] = rb;
    this.listTail[ra] = this.listTail[rb] as number;
    return gone;
  }

  private growTexts(n: number): void {
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.shOff = f64(this.shOff);
    this.shLen = i32(this.shLen);
    const capped = new Uint8Array(n);
    capped.set(this.shCapped);
    this.shCapped = capped;
    this.parent = i32(this.parent);
    this.clusterSize = i32(this.clusterSize);
    this.clusterTexts = i32(this.clusterTexts);
    this.textCount = i32(this.textCount);
    this.textFirst = f64(this.textFirst);
    this.textLast = f64(this.textLast);
    this.textNext = i32(this.textNext);
    this.listTail = i32(this.listTail);
    this.memberHead = i32(this.memberHead);
    this.memberTail = i32(this.memberTail);
    this.listed = i32(this.listed);
    this.textHash = i32(this.textHash);
    this.previewLen = i32(this.previewLen);
    this.previewOff = f64(this.previewOff);
  }

  private growMembers(n: number): void {
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.memberText = i32(this.memberText);
    this.memberNext = i32(this.memberNext);
    this.memberAuthor = i32(this.memberAuthor);
    this.memberOutlet = i32(this.memberOutlet);
    const time = new Float64Array(n);
    time.set(this.memberTime);
    this.memberTime = time;
  }
}

// Syllables in a key string: its space-separated words.
function countSyllables(key: string): number {
  if (key.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 0x20) n++;
  return n;
}

function toMillis(v: Date | number | null | undefined): number {
  if (v === null || v === undefined) return NaN;
  const n = typeof v === 'number' ? v : v.getTime();
  return Number.isFinite(n) ? n : NaN;
}

// 32-bit content hash of a shingle set (collisions are resolved by comparing the sets).
function contentHash(s: ShingleSet): number {
  let a = 0x9747b28c ^ s.hashes.length ^ (s.capped ? 0x40000000 : 0);
  for (let i = 0; i < s.hashes.length; i++) {
    a = Math.imul(a ^ (s.hashes[i] as number), 0x01000193);
    a ^= a >>> 15;
  }
  return fmix32(a) | 0;
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

// The first `n` characters, trimmed (stored as UTF-8 by the index, so no slice keeps the text alive).
function previewOf(text: string, n: number): string {
  if (n <= 0 || text.length === 0) return '';
  return (text.length > n ? text.slice(0, n) : text).trim();
}

/** Most values within any window of `width` (sorts `times` in place). Example: [0, 10e3, 90e3] → 2. */
export function maxInWindow(times: number[], width: number): number {
  times.sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[hi] as number) - (times[lo] as number) >= width) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
