import { AppError } from '../core/errors.js';
import type { SourceItem } from '../core/types.js';
import type { PushedItem } from '../sources/jsonl.js';
import { ingestBatch, type PipelineDeps } from './ingest.js';

export interface PushError {
  /** Line number (JSONL) or 1-based index (JSON array) of the item. */
  at: number;
  code: string;
  message: string;
}

export interface PushReport {
  received: number;
  inserted: number;
  changed: number;
  unchanged: number;
  findings: number;
  errors: PushError[];
}

export function emptyPushReport(): PushReport {
  return { received: 0, inserted: 0, changed: 0, unchanged: 0, findings: 0, errors: [] };
}

/**
 * Stores items that platforms pushed (HTTP push API) or that a file holds (`kiemtin import`), grouped
 * per outlet. Items for unknown outlets, or for another outlet than the token's, are reported, not
 * stored; the rest of the batch is stored. The received items, as JSON, are the evidence snapshot.
 */
export async function ingestPushed(
  deps: PipelineDeps,
  pushed: ReadonlyArray<{ at: number; value: PushedItem }>,
  report: PushReport,
  opts: { onlyOutlet?: string | null } = {},
): Promise<PushReport> {
  report.received += pushed.length;
  const outletIds = [...new Set(pushed.map((p) => p.value.outletId))];
  const known = new Set(
    outletIds.length === 0 ? [] : (await deps.db.selectFrom('outlets').select('id').where('id', 'in', outletIds).execute()).map((r) => r.id),
  );
  const groups = new Map<string, SourceItem[]>();
  for (const { at, value } of pushed) {
    if (opts.onlyOutlet && value.outletId !== opts.onlyOutlet) {
      report.errors.push({ at, code: 'FORBIDDEN', message: `this token may push only to outlet "${opts.onlyOutlet}"` });
      continue;
    }
    if (!known.has(value.outletId)) {
      report.errors.push({ at, code: 'NOT_FOUND', message: `unknown outlet "${value.outletId}" (register it with \`kiemtin outlets add\`)` });
      continue;
    }
    const list = groups.get(value.outletId) ?? [];
    list.push(value.item);
    groups.set(value.outletId, list);
  }
  for (const [outletId, items] of groups) {
    const body = new TextEncoder().encode(items.map((i) => JSON.stringify({ outlet: outletId, ...i })).join('\n') + '\n');
    const r = await ingestBatch(deps, {
      outletId,
      items,
      snapshot: { url: `push:${outletId}`, contentType: 'application/x-ndjson', body, fetchedAt: deps.clock.now() },
    });
    report.inserted += r.inserted;
    report.changed += r.changed;
    report.unchanged += r.unchanged;
    report.findings += r.findings;
  }
  return report;
}

/** A line or item that failed validation, in the report's form. */
export function pushErrorOf(at: number, err: unknown): PushError {
  const e = err instanceof AppError ? err : new AppError('INVALID_INPUT', String(err));
  return { at, code: e.code, message: e.message };
}
