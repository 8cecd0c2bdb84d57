/**
 * The push schema (one item a platform sends us) and a streaming JSON-lines reader that reports
 * per-line errors and never gives up on the whole file.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { SourceItem } from '../core/types.js';
import { parseVietnameseDate } from './dates.js';
import { normalizeText, oneLine } from './extract/dom.js';

/** Longest text accepted for one item (characters). */
export const MAX_PUSH_TEXT_CHARS = 200_000;
/** Longest JSON line accepted (bytes, roughly); longer lines are skipped with PAYLOAD_TOO_LARGE. */
export const MAX_JSONL_LINE_BYTES = 1_000_000;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).max(2048);
const shortText = z.string().max(1000);

/** One pushed item, as a platform sends it (a JSON object, or one line of a JSONL file). */
export const pushItemSchema = z
  .strictObject({
    outlet: z.string().trim().min(1).max(200),
    kind: z.enum(['post', 'comment']),
    url: httpUrl,
    parentUrl: httpUrl.nullish(),
    externalId: shortText.nullish(),
    title: shortText.nullish(),
    author: shortText.nullish(),
    authorUrl: httpUrl.nullish(),
    /** ISO 8601 or a Vietnamese form such as "12/06/2021 08:04" (Vietnam time when no zone). */
    publishedAt: z.string().max(200).nullish(),
    text: z.string().max(MAX_PUSH_TEXT_CHARS),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'comment' && !v.parentUrl) {
      ctx.addIssue({ code: 'custom', path: ['parentUrl'], message: 'a comment needs the URL of its post or parent comment' });
    }
    if (v.parentUrl && v.parentUrl === v.url) {
      ctx.addIssue({ code: 'custom', path: ['parentUrl'], message: 'an item cannot be its own parent' });
    }
    if (v.publishedAt && parseVietnameseDate(v.publishedAt) === null) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'not a date (use ISO 8601, e.g. 2021-06-12T08:04:00+07:00)' });
    }
    if (normalizeText(v.text).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text is empty' });
    }
  });

export type PushItemInput = z.input<typeof pushItemSchema>;

/** A validated pushed item: the outlet id it belongs to and the item in connector form. */
export interface PushedItem {
  outletId: string;
  item: SourceItem;
}

/**
 * Validates one pushed object. Throws AppError INVALID_INPUT naming the field (and the line, if given).
 * @example parsePushItem({ outlet: 'vnx', kind: 'post', url: 'https://a.vn/1', text: 'Xin chào' })
 */
export function parsePushItem(value: unknown, line?: number): PushedItem {
  const r = pushItemSchema.safeParse(value);
  const where = line === undefined ? '' : `line ${line}: `;
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
    throw new AppError('INVALID_INPUT', `${where}${field ? `field ${field}: ` : ''}${issue?.message ?? 'invalid item'}`, {
      details: { ...(line === undefined ? {} : { line }), field: field || null, issues: r.error.issues.length },
    });
  }
  const v = r.data;
  const item: SourceItem = {
    kind: v.kind,
    url: v.url,
    parentUrl: v.parentUrl ?? null,
    externalId: oneLine(v.externalId),
    title: oneLine(v.title),
    author: oneLine(v.author),
    authorUrl: v.authorUrl ?? null,
    publishedAt: v.publishedAt ? parseVietnameseDate(v.publishedAt) : null,
    text: normalizeText(v.text),
  };
  return { outletId: v.outlet, item };
}

/** One line's outcome: the item, or the error for that line. Blank lines are skipped silently. */
export type JsonlResult = { line: number; ok: true; value: PushedItem } | { line: number; ok: false; error: AppError };

/** A file or stream: anything that yields strings or bytes (fs.createReadStream, a web stream, an array). */
export type JsonlSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Reads a JSON-lines stream of pushed items, yielding one result per non-blank line. A bad line yields
 * PARSE_JSON (not JSON), INVALID_INPUT (schema) or PAYLOAD_TOO_LARGE, with its line number; reading goes on.
 */
export async function* readJsonLines(
  source: JsonlSource,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<JsonlResult> {
  for await (const { line, text, tooLong } of splitLines(source, options.maxLineBytes ?? MAX_JSONL_LINE_BYTES)) {
    if (tooLong) {
      yield { line, ok: false, error: new AppError('PAYLOAD_TOO_LARGE', `line ${line}: longer than the limit`, { details: { line } }) };
      continue;
    }
    if (text.trim().length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      yield { line, ok: false, error: new AppError('PARSE_JSON', `line ${line}: ${reason}`, { cause: err, details: { line } }) };
      continue;
    }
    try {
      yield { line, ok: true, value: parsePushItem(value, line) };
    } catch (err) {
      yield { line, ok: false, error: err instanceof AppError ? err : new AppError('INVALID_INPUT', `line ${line}: ${String(err)}`, { details: { line } }) };
    }
  }
}

interface RawLine {
  line: number;
  text: string;
  tooLong: boolean;
}

/** Splits a byte or string stream into lines (LF or CRLF, BOM dropped), skipping over lines too long to hold. */
async function* splitLines(source: JsonlSource, maxChars: number): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let lineNo = 0;
  let skipping = false;
  let first = true;
  const take = (chunk: string): RawLine[] => {
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const out: RawLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      const piece = chunk.slice(start, nl);
      lineNo++;
      if (skipping) {
        out.push({ line: lineNo, text: '', tooLong: true });
        skipping = false;
      } else if (buf.length + piece.length > maxChars) {
        out.push({ line: lineNo, text: '', tooLong: true });
      } else {
        out.push({ line: lineNo, text: (buf + piece).replace(/\r$/, ''), tooLong: false });
      }
      buf = '';
      start = nl + 1;
    }
    const tail = chunk.slice(start);
    if (!skipping) {
      if (buf.length + tail.length > maxChars) {
        // Drop what we hold; the rest of this line is skipped as it arrives.
        skipping = true;
        buf = '';
      } else buf += tail;
    }
    return out;
  };
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    for (const l of take(s)) yield l;
  }
  for (const l of take(decoder.decode())) yield l;
  if (skipping) yield { line: lineNo + 1, text: '', tooLong: true };
  else if (buf.length > 0) yield { line: lineNo + 1, text: buf.replace(/\r$/, ''), tooLong: false };
}
