/**
 * Fact-check registry I/O: parse the simple JSON array and schema.org ClaimReview JSON-LD, merge
 * duplicates, export back. Pure: the caller reads files and passes the parsed JSON (and a time, if
 * history entries should carry one).
 */
import { AppError } from '../../core/errors.js';
import { sha256Hex } from '../../core/hash.js';
import { foldDiacritics } from '../../text/fold.js';
import {
  factCheckSchema,
  simpleFactCheckSchema,
  type FactCheck,
  type FactCheckHistoryEntry,
  type Verdict,
} from './types.js';

export interface ParseOptions {
  /** Time stamped on the 'imported' history entry; omitted → null (pure callers have no clock). */
  now?: Date;
  /** Who imports (user name or file name), kept in history. */
  by?: string;
}

export interface ParseIssue {
  index: number;
  field: string;
  message: string;
}

// Rating labels (folded, lower case) → verdict. Checked whole first, then by containment in order,
// so "khong dung" is read before "dung".
const EXACT_LABELS: Record<string, Verdict> = {
  false: 'false', sai: 'false', 'sai su that': 'false', 'tin gia': 'false', 'bia dat': 'false',
  fake: 'false', 'pants on fire': 'false', 'hoan toan sai': 'false', 'khong dung': 'false',
  'khong chinh xac': 'false', 'khong co that': 'false', incorrect: 'false', 'mostly false': 'misleading',
  misleading: 'misleading', 'gay hieu lam': 'misleading', 'gay hieu nham': 'misleading',
  'sai mot phan': 'misleading', 'dung mot phan': 'misleading', 'nua dung nua sai': 'misleading',
  'half true': 'misleading', mixture: 'misleading', 'partly false': 'misleading', 'thieu boi canh': 'misleading',
  'missing context': 'misleading', 'xuyen tac': 'misleading', 'danh lua': 'misleading',
  unverified: 'unverified', unproven: 'unverified', 'chua kiem chung': 'unverified',
  'chua duoc kiem chung': 'unverified', 'chua xac minh': 'unverified', 'chua duoc xac minh': 'unverified',
  'chua co can cu': 'unverified', 'chua ro': 'unverified', 'khong the xac minh': 'unverified',
  true: 'true', dung: 'true', 'dung su that': 'true', 'chinh xac': 'true', 'mostly true': 'true',
  correct: 'true', 'co that': 'true',
};
const CONTAINS_LABELS: ReadonlyArray<[string, Verdict]> = [
  ['hieu lam', 'misleading'], ['hieu nham', 'misleading'], ['mot phan', 'misleading'],
  ['misleading', 'misleading'], ['boi canh', 'misleading'], ['partly', 'misleading'], ['half', 'misleading'],
  ['chua', 'unverified'], ['unverified', 'unverified'], ['unproven', 'unverified'],
  ['khong dung', 'false'], ['khong chinh xac', 'false'], ['sai', 'false'], ['gia', 'false'],
  ['false', 'false'], ['fake', 'false'], ['dung', 'true'], ['true', 'true'], ['chinh xac', 'true'],
];

/** Reads a rating label in English or Vietnamese (with or without diacritics): "Sai sự thật" → 'false'. */
export function verdictFromLabel(label: string): Verdict | null {
  const k = foldDiacritics(label).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  if (k === '') return null;
  const exact = EXACT_LABELS[k];
  if (exact !== undefined) return exact;
  const padded = ` ${k} `;
  for (const [needle, v] of CONTAINS_LABELS) if (padded.includes(` ${needle} `)) return v;
  return null;
}

/** Reads a numeric rating on a worst..best scale (schema.org defaults 1..5): 1 → false, 5 → true. */
export function verdictFromRating(value: number, best = 5, worst = 1): Verdict | null {
  if (!Number.isFinite(value) || best === worst) return null;
  const r = (value - worst) / (best - worst);
  if (r < 0 || r > 1) return null;
  if (r < 0.2) return 'false';
  if (r < 0.7) return 'misleading';
  return 'true';
}

/** Normalised claim text used to spot duplicates without an external id. */
export function claimDedupKey(claim: string): string {
  return foldDiacritics(claim.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Stable internal id: from the external id when there is one, else from the normalised claim. */
export function factCheckInternalId(externalId: string | null, claim: string): string {
  const basis = externalId !== null ? `ext:${externalId}` : `claim:${claimDedupKey(claim)}`;
  return `fc_${sha256Hex(basis).slice(0, 16)}`;
}

function historyEntry(action: FactCheckHistoryEntry['action'], opts: ParseOptions, note: string | null): FactCheckHistoryEntry {
  return { at: opts.now?.toISOString() ?? null, action, by: opts.by ?? null, note };
}

function invalid(format: string, issues: ParseIssue[]): AppError {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const msg = first
    ? `${format} item ${first.index}: ${first.message}${more}`
    : `${format}: no fact-checks found`;
  return new AppError('INVALID_INPUT', msg, {
    details: { format, field: first?.field ?? null, index: first?.index ?? null, issues },
  });
}

/**
 * Parses a fact-check file's JSON (already `JSON.parse`d): the simple array or ClaimReview JSON-LD
 * (object, array or `@graph`). Refuses the whole file with INVALID_INPUT naming field and item index;
 * duplicates within the file are merged.
 */
export function parseFactChecks(json: unknown, opts: ParseOptions = {}): FactCheck[] {
  const items = flattenJsonLd(json);
  if (items === null) {
    throw new AppError('INVALID_INPUT', 'Fact-check file: expected a JSON array or a ClaimReview JSON-LD document', {
      details: { format: 'unknown', field: null, index: null, issues: [] },
    });
  }
  const isClaimReview = items.some((it) => isObject(it) && ('@type' in it || 'claimReviewed' in it));
  const parsed = isClaimReview ? parseClaimReviewItems(items, opts) : parseSimpleItems(items, opts);
  return dedupeFactChecks(parsed, opts);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flattenJsonLd(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json.flatMap((x) => (isObject(x) && Array.isArray(x['@graph']) ? (x['@graph'] as unknown[]) : [x]));
  if (isObject(json)) return Array.isArray(json['@graph']) ? (json['@graph'] as unknown[]) : [json];
  return null;
}

function parseSimpleItems(items: unknown[], opts: ParseOptions): FactCheck[] {
  const issues: ParseIssue[] = [];
  const out: FactCheck[] = [];
  items.forEach((item, index) => {
    const r = simpleFactCheckSchema.safeParse(item);
    if (!r.success) {
      for (const iss of r.error.issues) {
        const field = iss.path.map(String).join('.') || '(item)';
        const missing = isObject(item) && iss.path.length === 1 && !(String(iss.path[0]) in item);
        issues.push({ index, field, message: missing ? `missing field "${field}"` : `field "${field}": ${iss.message}` });
      }
      return;
    }
    const s = r.data;
    const verdict = verdictFromLabel(s.verdict);
    if (verdict === null) {
      issues.push({ index, field: 'verdict', message: `field "verdict": unknown verdict "${s.verdict}"` });
      return;
    }
    const externalId = s.id;
    out.push({
      id: factCheckInternalId(externalId, s.claim),
      externalId,
      claim: s.claim.normalize('NFC'),
      verdict,
      ratingLabel: s.ratingLabel ?? (VERDICT_WORDS.has(s.verdict) ? null : s.verdict),
      correction: s.correction.normalize('NFC'),
      evidenceLinks: [...new Set(s.evidenceLinks ?? [])],
      authorOrg: s.authorOrg ?? null,
      claimAuthor: s.claimAuthor ?? null,
      claimDate: s.claimDate ?? null,
      reviewDate: s.reviewDate ?? null,
      url: s.url ?? null,
      status: s.status ?? 'published',
      language: s.language ?? 'vi',
      history: [...(s.history ?? []), historyEntry('imported', opts, 'simple JSON')],
    });
  });
  if (issues.length > 0) throw invalid('Fact-check JSON', issues);
  return out;
}

const VERDICT_WORDS = new Set<string>(['false', 'misleading', 'unverified', 'true']);

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

/** schema.org values may be a string, an object with `name`, or an array of either. */
function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.map(nameOf).find((x) => x !== null) ?? null;
  if (isObject(v)) return str(v.name) ?? str(v['@id']) ?? str(v.url);
  return str(v);
}

function urlsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(urlsOf);
  if (isObject(v)) return urlsOf(v.url ?? v['@id']);
  const s = str(v);
  return s === null ? [] : [s];
}

function dateOf(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  return Number.isNaN(Date.parse(s)) ? null : s;
}

function parseClaimReviewItems(items: unknown[], opts: ParseOptions): FactCheck[] {
  const issues: ParseIssue[] = [];
  const out: FactCheck[] = [];
  items.forEach((item, index) => {
    if (!isObject(item)) {
      issues.push({ index, field: '(item)', message: 'not an object' });
      return;
    }
    const type = item['@type'];
    const types = Array.isArray(type) ? type : [type];
    // Other node types in a @graph (Organization, WebPage) are context, not fact-checks.
    if (type !== undefined && !types.includes('ClaimReview')) return;
    const claim = str(item.claimReviewed);
    if (claim === null) {
      issues.push({ index, field: 'claimReviewed', message: 'missing field "claimReviewed"' });
      return;
    }
    const rating = item.reviewRating;
    if (!isObject(rating)) {
      issues.push({ index, field: 'reviewRating', message: 'missing field "reviewRating"' });
      return;
    }
    const label = str(rating.alternateName) ?? str(rating.name);
    let verdict = label !== null ? verdictFromLabel(label) : null;
    if (verdict === null && rating.ratingValue !== undefined) {
      const num = (v: unknown, d: number): number => (v === undefined ? d : Number(v));
      verdict = verdictFromRating(num(rating.ratingValue, NaN), num(rating.bestRating, 5), num(rating.worstRating, 1));
    }
    if (verdict === null) {
      const field = label !== null ? 'reviewRating.alternateName' : 'reviewRating.alternateName|ratingValue';
      const message = label !== null
        ? `field "reviewRating.alternateName": unknown rating "${label}"`
        : 'missing field "reviewRating.alternateName" (or a usable "reviewRating.ratingValue")';
      issues.push({ index, field, message });
      return;
    }
    const url = str(item.url);
    const correction =
      str(item.reviewBody) ?? str(item.description) ?? str(rating.ratingExplanation) ??
      (url !== null ? `Xem kết luận kiểm chứng: ${url}` : null);
    if (correction === null) {
      issues.push({ index, field: 'reviewBody', message: 'missing field "reviewBody" (the correction; or give "url")' });
      return;
    }
    const reviewed = isObject(item.itemReviewed) ? item.itemReviewed : {};
    const appearance = reviewed.appearance ?? reviewed.firstAppearance;
    const externalId = str(item.identifier) ?? str(item['@id']) ?? url;
    out.push({
      id: factCheckInternalId(externalId, claim),
      externalId,
      claim: claim.normalize('NFC'),
      verdict,
      ratingLabel: label,
      correction: correction.normalize('NFC'),
      evidenceLinks: [...new Set([...urlsOf(item.citation), ...urlsOf(appearance)])],
      authorOrg: nameOf(item.author),
      claimAuthor: nameOf(reviewed.author),
      claimDate: dateOf(reviewed.datePublished),
      reviewDate: dateOf(item.datePublished),
      url,
      status: 'published',
      language: str(item.inLanguage) ?? 'vi',
      history: [historyEntry('imported', opts, 'ClaimReview JSON-LD')],
    });
  });
  if (issues.length > 0) throw invalid('ClaimReview', issues);
  if (out.length === 0) throw invalid('ClaimReview', []);
  return out;
}

function dedupKey(fc: FactCheck): string {
  return fc.externalId !== null ? `ext:${fc.externalId}` : `claim:${claimDedupKey(fc.claim)}`;
}

/** Merges `incoming` into `a` (same fact-check): newer review wins on content, lists are unioned. */
export function mergeFactCheck(a: FactCheck, incoming: FactCheck, opts: ParseOptions = {}): FactCheck {
  const incomingNewer = (incoming.reviewDate ?? '') >= (a.reviewDate ?? '');
  const pick = <T>(x: T | null, y: T | null): T | null => (incomingNewer ? (y ?? x) : (x ?? y));
  const changed: string[] = [];
  const merged: FactCheck = {
    ...a,
    externalId: a.externalId ?? incoming.externalId,
    claim: incomingNewer ? incoming.claim : a.claim,
    verdict: incomingNewer ? incoming.verdict : a.verdict,
    ratingLabel: pick(a.ratingLabel, incoming.ratingLabel),
    correction: incomingNewer && incoming.correction !== '' ? incoming.correction : a.correction || incoming.correction,
    evidenceLinks: [...new Set([...a.evidenceLinks, ...incoming.evidenceLinks])],
    authorOrg: pick(a.authorOrg, incoming.authorOrg),
    claimAuthor: pick(a.claimAuthor, incoming.claimAuthor),
    claimDate: a.claimDate ?? incoming.claimDate,
    reviewDate: pick(a.reviewDate, incoming.reviewDate),
    url: pick(a.url, incoming.url),
    status: incomingNewer ? incoming.status : a.status,
    language: a.language,
    history: a.history,
  };
  for (const k of ['claim', 'verdict', 'correction', 'status'] as const) if (merged[k] !== a[k]) changed.push(k);
  const note = changed.length > 0 ? `merged duplicate; changed ${changed.join(', ')}` : 'merged duplicate';
  merged.history = [...a.history, historyEntry('merged', opts, note)];
  return merged;
}

/** Collapses duplicates (same external id, else same normalised claim), keeping first-seen order. */
export function dedupeFactChecks(items: FactCheck[], opts: ParseOptions = {}): FactCheck[] {
  const byKey = new Map<string, FactCheck>();
  for (const fc of items) {
    const k = dedupKey(fc);
    const prev = byKey.get(k);
    byKey.set(k, prev === undefined ? fc : mergeFactCheck(prev, fc, opts));
  }
  return [...byKey.values()];
}

export interface MergeResult {
  factChecks: FactCheck[];
  added: string[];
  merged: string[];
}

/** Adds imported fact-checks to an existing registry: duplicates merge into the stored entry. */
export function mergeIntoRegistry(existing: FactCheck[], incoming: FactCheck[], opts: ParseOptions = {}): MergeResult {
  const byKey = new Map<string, FactCheck>();
  for (const fc of existing) byKey.set(dedupKey(fc), fc);
  // Entries without an external id may still duplicate one with an id through the claim text.
  const byClaim = new Map<string, string>();
  for (const [k, fc] of byKey) byClaim.set(claimDedupKey(fc.claim), k);
  const added: string[] = [];
  const merged: string[] = [];
  for (const fc of incoming) {
    let k = dedupKey(fc);
    if (!byKey.has(k) && fc.externalId === null) k = byClaim.get(claimDedupKey(fc.claim)) ?? k;
    const prev = byKey.get(k);
    if (prev === undefined) {
      byKey.set(k, fc);
      byClaim.set(claimDedupKey(fc.claim), k);
      added.push(fc.id);
    } else {
      byKey.set(k, mergeFactCheck(prev, fc, opts));
      merged.push(prev.id);
    }
  }
  return { factChecks: [...byKey.values()], added, merged };
}

/** Validates stored data (e.g. rows read back from the store) against the schema. */
export function assertFactCheck(value: unknown): FactCheck {
  const r = factCheckSchema.safeParse(value);
  if (!r.success) {
    const iss = r.error.issues[0];
    const field = iss?.path.map(String).join('.') ?? '';
    throw new AppError('INVALID_INPUT', `Fact-check: field "${field}": ${iss?.message ?? 'invalid'}`, {
      details: { field, issues: r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) },
    });
  }
  return r.data;
}

/** The simple JSON export (full fidelity; re-importable): `id` is the external id when there is one. */
export function toSimpleJson(factChecks: FactCheck[]): Array<Record<string, unknown>> {
  return factChecks.map((fc) => ({
    id: fc.externalId ?? fc.id,
    claim: fc.claim,
    verdict: fc.verdict,
    correction: fc.correction,
    ratingLabel: fc.ratingLabel,
    evidenceLinks: fc.evidenceLinks,
    authorOrg: fc.authorOrg,
    claimAuthor: fc.claimAuthor,
    claimDate: fc.claimDate,
    reviewDate: fc.reviewDate,
    url: fc.url,
    status: fc.status,
    language: fc.language,
    history: fc.history,
  }));
}

const DEFAULT_LABELS: Record<Verdict, { vi: string; value: number }> = {
  false: { vi: 'Sai sự thật', value: 1 },
  misleading: { vi: 'Gây hiểu lầm', value: 2 },
  unverified: { vi: 'Chưa kiểm chứng', value: 3 },
  true: { vi: 'Đúng', value: 5 },
};

export interface ClaimReviewExportOptions {
  /** Include drafts and withdrawn entries (default false: ClaimReview is the public format). */
  includeUnpublished?: boolean;
}

/** Exports schema.org ClaimReview JSON-LD (`@graph`); re-importable with `parseFactChecks`. */
export function toClaimReviewJsonLd(factChecks: FactCheck[], opts: ClaimReviewExportOptions = {}): Record<string, unknown> {
  const graph = factChecks
    .filter((fc) => opts.includeUnpublished === true || fc.status === 'published')
    .map((fc) => {
      const label = DEFAULT_LABELS[fc.verdict];
      const node: Record<string, unknown> = {
        '@type': 'ClaimReview',
        identifier: fc.externalId ?? fc.id,
        claimReviewed: fc.claim,
        reviewRating: {
          '@type': 'Rating',
          alternateName: fc.ratingLabel ?? label.vi,
          ratingValue: label.value,
          bestRating: 5,
          worstRating: 1,
        },
        reviewBody: fc.correction,
        inLanguage: fc.language,
        itemReviewed: {
          '@type': 'Claim',
          ...(fc.claimAuthor !== null ? { author: { '@type': 'Organization', name: fc.claimAuthor } } : {}),
          ...(fc.claimDate !== null ? { datePublished: fc.claimDate } : {}),
        },
      };
      if (fc.url !== null) node.url = fc.url;
      if (fc.reviewDate !== null) node.datePublished = fc.reviewDate;
      if (fc.authorOrg !== null) node.author = { '@type': 'Organization', name: fc.authorOrg };
      if (fc.evidenceLinks.length > 0) node.citation = fc.evidenceLinks.map((u) => ({ '@type': 'CreativeWork', url: u }));
      return node;
    });
  return { '@context': 'https://schema.org', '@graph': graph };
}
