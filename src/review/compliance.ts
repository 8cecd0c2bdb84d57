import { isAppError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { appendAudit } from '../store/review/audit.js';
import { putSnapshot } from '../store/snapshots.js';
import { caseSubject, requireCase, type ReviewDeps } from './cases.js';
import type { CheckResult } from './types.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { changeCases } from './queue-cache.js';

/** The part of the crawler's Fetcher a compliance check uses (it throws FETCH_HTTP_STATUS with details.status). */
export interface PageFetcher {
  fetch(url: string): Promise<{ url: string; status: number; body: Uint8Array; mediaType: string; text: string; fetchedAt: Date }>;
}

/** Lower-cased words of a page or a document, tags and entities dropped, for containment checks. */
export function comparableText(s: string): string {
  return s
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether the flagged text is still on the page: all of it, or at least half of its longer sentences.
 * Otherwise the page has changed (edited, replaced by a correction, or the item moved).
 */
export function judgePage(flaggedText: string, pageText: string): Exclude<CheckResult, 'removed'> {
  const page = comparableText(pageText);
  const whole = comparableText(flaggedText);
  if (whole.length > 0 && page.includes(whole)) return 'still-up';
  const sentences = flaggedText.split(/[.!?\n]+/).map(comparableText).filter((s) => s.length >= 20);
  if (sentences.length === 0) return 'changed';
  const present = sentences.filter((s) => page.includes(s)).length;
  return present * 2 >= sentences.length ? 'still-up' : 'changed';
}

export interface ComplianceReport {
  checked: Array<{ case: string; action: number; result: CheckResult; snapshotSha256: string | null }>;
  /** Fetches that failed for a reason other than the page being gone; they are tried again next run. */
  errors: Array<{ case: string; action: number; code: string; message: string }>;
}

/**
 * Re-fetches the URL of every issued takedown request whose deadline has passed and records what was
 * found (removed, still up, changed) with a new snapshot, one transaction and audit entry per action.
 * A page still up raises `deadline.missed` (a changed page is left to the reviewer); escalation stays a person's decision.
 */
export async function runComplianceChecks(deps: ReviewDeps & { fetcher: PageFetcher }, opts: { actor?: string; caseRef?: string } = {}): Promise<ComplianceReport> {
  const actor = opts.actor ?? 'system:compliance';
  const now = deps.clock.now();
  let q = deps.db
    .selectFrom('review_actions as a')
    .innerJoin('review_cases as c', 'c.id', 'a.case_id')
    .leftJoin('documents as d', 'd.id', 'c.document_id')
    .select(['a.id', 'a.deadline_at', 'c.number', 'c.url', 'd.text', 'd.snapshot_sha256'])
    .where('a.kind', '=', 'takedown-request')
    .where('a.status', '=', 'issued')
    .where('a.deadline_at', '<=', now);
  if (opts.caseRef) q = q.where('c.id', '=', (await requireCase(deps.db, opts.caseRef)).id);
  const due = await q.orderBy('a.deadline_at').execute();
  const report: ComplianceReport = { checked: [], errors: [] };
  for (const a of due) {
    if (!a.url) continue;
    let result: CheckResult;
    let snapshot: { url: string; contentType: string; body: Uint8Array; fetchedAt: Date } | null = null;
    let httpStatus: number | null = null;
    try {
      const page = await deps.fetcher.fetch(a.url);
      httpStatus = page.status;
      snapshot = { url: page.url, contentType: page.mediaType, body: page.body, fetchedAt: page.fetchedAt };
      result = a.snapshot_sha256 && sha256Hex(page.body) === a.snapshot_sha256 ? 'still-up' : judgePage(a.text ?? '', page.text);
    } catch (err) {
      const status = isAppError(err, 'FETCH_HTTP_STATUS') ? Number(err.details?.status) : NaN;
      if (status === 404 || status === 410) {
        result = 'removed';
        httpStatus = status;
      } else {
        report.errors.push({ case: a.number, action: a.id, code: isAppError(err) ? err.code : 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
        continue;
      }
    }
    const sha = await changeCases(deps, async (trx) => {
      const sha = snapshot ? await putSnapshot(trx, snapshot) : null;
      await trx.updateTable('review_actions').set({ status: 'checked', checked_at: now, check_result: result, check_snapshot_sha256: sha }).where('id', '=', a.id).execute();
      const c = await requireCase(trx, a.number, { forUpdate: true });
      if (result === 'removed' && c.state === 'actioned') await trx.updateTable('review_cases').set({ state: 'closed', closed_at: now }).where('id', '=', c.id).execute();
      await appendAudit(trx, { actor, action: 'compliance.checked', subject: caseSubject(c), payload: { action: a.id, url: a.url, result, httpStatus, snapshotSha256: sha, deadlineAt: a.deadline_at } }, now);
      await enqueueWebhookEvent(trx, 'action.due', { case: c.number, action: a.id, deadlineAt: a.deadline_at?.toISOString() ?? null, result }, now);
      if (result === 'still-up') await enqueueWebhookEvent(trx, 'deadline.missed', { case: c.number, action: a.id, url: a.url, result }, now);
      return sha;
    });
    report.checked.push({ case: a.number, action: a.id, result, snapshotSha256: sha });
  }
  return report;
}
