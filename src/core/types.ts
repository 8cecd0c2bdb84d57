/** Domain types shared by every stage. Pure data: no behaviour, no I/O. */

export const OUTLET_TYPES = [
  'e-newspaper',
  'magazine',
  'general-site',
  'social-page',
  'blog',
  'state-portal',
  'other',
] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];

export const OUTLET_STATUSES = ['active', 'paused', 'retired'] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];

/** How an outlet publishes: each source is crawled by one connector. */
export const SOURCE_KINDS = ['feed', 'blogger', 'wordpress', 'sitemap', 'page'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface OutletSource {
  kind: SourceKind;
  url: string;
}

export interface CrawlSettings {
  /** Minutes between scheduled crawls of this outlet. */
  intervalMinutes: number;
  /** Upper bound of article pages fetched per crawl (sitemaps, feeds without full text). */
  maxPages: number;
  /** Fetch comments where the connector can (Blogger comment feeds, WordPress comments). */
  comments: boolean;
}

export interface Outlet {
  id: string;
  type: OutletType;
  name: string;
  homeUrl: string;
  licenceNumber: string | null;
  licenceIssuer: string | null;
  responsiblePerson: string | null;
  noticeContact: string | null;
  status: OutletStatus;
  sources: OutletSource[];
  crawl: CrawlSettings;
  createdAt: Date;
  updatedAt: Date;
}

export type DocumentKind = 'post' | 'comment';

/**
 * What a connector extracts: one post or comment, before it is stored.
 * `url` is unique per item (comments carry a fragment such as `#c123`) and is the item's identity
 * within its outlet; `parentUrl` points at the post or parent comment.
 */
export interface SourceItem {
  kind: DocumentKind;
  url: string;
  parentUrl: string | null;
  /** The source's own id (feed guid, comment id), kept for reference. */
  externalId: string | null;
  title: string | null;
  author: string | null;
  authorUrl: string | null;
  publishedAt: Date | null;
  /** Extracted plain text, Unicode NFC, paragraphs separated by blank lines. */
  text: string;
}

/** The raw bytes an item was extracted from, kept as evidence. */
export interface Snapshot {
  url: string;
  contentType: string;
  body: Uint8Array;
  fetchedAt: Date;
}

export interface StoredDocument {
  id: string;
  outletId: string | null;
  kind: DocumentKind;
  parentId: string | null;
  url: string;
  externalId: string | null;
  title: string | null;
  author: string | null;
  authorUrl: string | null;
  publishedAt: Date | null;
  text: string;
  version: number;
  snapshotSha256: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * Policy categories of the default pack. Concrete harms only: there is deliberately no category for
 * opinion, criticism or dissent.
 */
export const HARM_CATEGORIES = [
  'hate-speech',
  'harassment',
  'scam-fraud',
  'illegal-gambling',
  'illegal-lending',
  'personal-data',
  'spam',
  'false-information',
  'coordinated-behaviour',
] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

export interface Finding {
  documentId: string;
  detector: string;
  detectorVersion: string;
  category: string;
  /** 0..1 */
  score: number;
  /** One or two sentences a reviewer can read. */
  explanation: string;
  /** Machine-readable evidence: matched spans (offsets into `text`), rule ids, model features, ids. */
  evidence: Record<string, unknown>;
}
