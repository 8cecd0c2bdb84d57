import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { canonicalUrl, documentId } from '../core/ids.js';
import type { Finding, SourceItem } from '../core/types.js';
import { NEAR_DUPLICATE_DETECTOR, NearDupIndex, nearDuplicateFindings } from '../detect/neardup/index.js';
import { runDetectors, type DetectorFailure } from '../detect/runner.js';
import type { DetectDocument, Detector } from '../detect/types.js';
import { decodeBody } from '../sources/fetch/charset.js';
import { extractPage } from '../sources/extract/page.js';
import type { Fetcher } from '../sources/fetcher.js';

/** The public JSON contract of `kiemtin check --json` (docs/cli.md). */
export interface CheckDocument {
  id: string;
  kind: 'post' | 'comment';
  /** For a comment: the post it was published under (also for replies). */
  parentId: string | null;
  /** For a reply: the comment it answers; null for a top-level comment or a post. */
  replyToId: string | null;
  url: string;
  title: string | null;
  author: string | null;
  authorUrl: string | null;
  publishedAt: string | null;
  text: string;
}

export interface CheckResult {
  source: { target: string; url: string; charset: string; mediaType: string; bytes: number };
  documents: CheckDocument[];
  findings: Array<
    Pick<
      Finding,
      'documentId' | 'detector' | 'detectorVersion' | 'category' | 'score' | 'explanation' | 'evidence'
    >
  >;
  failures: DetectorFailure[];
}

export interface CheckDeps {
  fetcher: Fetcher;
  detectors: readonly Detector[];
  clock: Clock;
  /** Reads a local file (tests may pass their own). */
  maxFileBytes: number;
}

/**
 * Fetches a URL (or reads a local HTML file), extracts the post and all its comments, and runs the
 * detectors — without storing anything. Ids are the ones the store would give the same items.
 */
export async function checkTarget(deps: CheckDeps, target: string): Promise<CheckResult> {
  const page = /^https?:\/\//i.test(target)
    ? await fetchPage(deps, target)
    : await readPage(target, deps.maxFileBytes);
  if (!/html|xml|text\/plain/.test(page.mediaType)) {
    throw new AppError('EXTRACT_NO_CONTENT', `${page.url}: cannot extract a post from ${page.mediaType}`);
  }
  const items = extractPage(page.url, page.text);
  const documents = threadUnderPosts(items.map(toCheckDocument));
  const byId = new Map<string, DetectDocument>();
  const detectDocs = items.map((item, i): DetectDocument => {
    const d = documents[i]!;
    const doc: DetectDocument = {
      id: d.id,
      kind: d.kind,
      text: d.text,
      title: d.title,
      url: d.url,
      parentId: d.replyToId ?? d.parentId,
      author: d.author,
      outletType: null,
      publishedAt: item.publishedAt,
    };
    byId.set(doc.id, doc);
    return doc;
  });
  const now = deps.clock.now();
  const result = runDetectors(deps.detectors, detectDocs, (doc) => ({
    now,
    parent: doc.parentId ? (byId.get(doc.parentId) ?? null) : null,
  }));
  result.findings.push(...pageCampaignFindings(detectDocs));
  return {
    source: { target, url: page.url, charset: page.charset, mediaType: page.mediaType, bytes: page.bytes },
    documents,
    findings: result.findings.map((f) => ({
      documentId: f.documentId,
      detector: f.detector,
      detectorVersion: f.detectorVersion,
      category: f.category,
      score: f.score,
      explanation: f.explanation,
      evidence: f.evidence,
    })),
    failures: result.failures,
  };
}

/** Near-duplicates among the page's own documents (copy-paste in one thread), as `near-duplicate` findings. */
function pageCampaignFindings(docs: readonly DetectDocument[]): Finding[] {
  const index = new NearDupIndex();
  const clusters = new Set<string>();
  for (const d of docs) {
    const r = index.add({ id: d.id, text: d.text, author: d.author, publishedAt: d.publishedAt });
    if (r.clusterId && r.clusterSize >= 2) clusters.add(r.clusterId);
  }
  const out: Finding[] = [];
  for (const id of clusters) {
    if (index.clusterIdOf(id) !== id) continue;
    const c = index.campaign(id);
    if (!c) continue;
    for (const f of nearDuplicateFindings(c)) {
      out.push({
        ...f.draft,
        documentId: f.documentId,
        detector: NEAR_DUPLICATE_DETECTOR.id,
        detectorVersion: NEAR_DUPLICATE_DETECTOR.version,
      });
    }
  }
  return out;
}

function toCheckDocument(item: SourceItem): CheckDocument {
  const url = canonicalUrl(item.url);
  return {
    id: documentId(null, url),
    kind: item.kind,
    parentId: item.parentUrl ? documentId(null, canonicalUrl(item.parentUrl)) : null,
    replyToId: null,
    url,
    title: item.title,
    author: item.author,
    authorUrl: item.authorUrl,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    text: item.text,
  };
}

/**
 * Flattens threads for the report: every comment's parentId becomes its post, and a reply keeps the
 * comment it answers in replyToId (the store keeps the immediate parent as parent_id).
 */
function threadUnderPosts(docs: CheckDocument[]): CheckDocument[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return docs.map((d) => {
    if (d.kind !== 'comment' || !d.parentId) return d;
    let root = byId.get(d.parentId);
    const seen = new Set<string>([d.id]);
    while (root && root.kind === 'comment' && root.parentId && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.parentId);
    }
    if (!root || root.kind !== 'post' || root.id === d.parentId) return d;
    return { ...d, parentId: root.id, replyToId: d.parentId };
  });
}

interface Page {
  url: string;
  text: string;
  charset: string;
  mediaType: string;
  bytes: number;
}

async function fetchPage(deps: CheckDeps, url: string): Promise<Page> {
  const r = await deps.fetcher.fetch(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  return { url: r.url, text: r.text, charset: r.charset, mediaType: r.mediaType, bytes: r.body.byteLength };
}

async function readPage(path: string, maxBytes: number): Promise<Page> {
  const full = resolve(path);
  const info = await stat(full).catch((err: unknown) => {
    throw new AppError('INVALID_INPUT', `${path}: no such file (give an http(s) URL or a local HTML file)`, {
      cause: err,
    });
  });
  if (!info.isFile()) throw new AppError('INVALID_INPUT', `${path}: not a file`);
  if (info.size > maxBytes)
    throw new AppError(
      'FETCH_TOO_LARGE',
      `${path}: ${info.size} bytes is more than the limit of ${maxBytes}`,
    );
  const bytes = new Uint8Array(await readFile(full));
  const decoded = decodeBody(bytes, /\.xml$/i.test(full) ? 'application/xml' : 'text/html');
  return {
    url: pathToFileURL(full).href,
    text: decoded.text,
    charset: decoded.charset,
    mediaType: /\.xml$/i.test(full) ? 'application/xml' : 'text/html',
    bytes: bytes.byteLength,
  };
}
