import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { createClaimMatcher, parseFactChecks, type ClaimMatcher, type FactCheck } from '../../detect/claims/index.js';

/** Reads a fact-check file: the simple JSON array or ClaimReview JSON-LD. */
export async function readFactCheckFile(path: string): Promise<FactCheck[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new AppError('INVALID_INPUT', `--factchecks: cannot read ${path}`, { cause: err, details: { path } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('PARSE_JSON', `${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err, details: { path } });
  }
  return parseFactChecks(json, { by: path });
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new AppError('INVALID_INPUT', `--threshold: must be a number from 0 to 1, got "${value}"`);
  return n;
}

/**
 * Streams JSON lines `{"id","text"}` from input to one line `{"id","matches":[...]}` each, in order.
 * A bad line still gets its output line (with `error`), so outputs stay aligned with inputs.
 * Returns the number of bad lines.
 */
export async function runMatchStream(matcher: ClaimMatcher, input: Readable, output: Writable, threshold?: number): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let out: Record<string, unknown>;
    try {
      const rec = JSON.parse(line) as unknown;
      if (typeof rec !== 'object' || rec === null || typeof (rec as { text?: unknown }).text !== 'string') {
        throw new AppError('INVALID_INPUT', `line ${lineNo}: expected {"id","text"} with a string "text"`);
      }
      const { id, text } = rec as { id?: unknown; text: string };
      const matches = matcher.match(text, threshold === undefined ? {} : { threshold });
      // `passage` is the matching text as written; `span` locates it in the input text.
      out = {
        id: id ?? null,
        matches: matches.map((m) => ({ factCheckId: m.factCheckId, score: m.score, passage: m.passage.text, span: { start: m.passage.start, end: m.passage.end } })),
      };
    } catch (err) {
      bad++;
      const message = err instanceof AppError ? err.message : `line ${lineNo}: not valid JSON`;
      out = { id: null, matches: [], error: message };
    }
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return bad;
}

/** Adds `match [--factchecks FILE] [--threshold X]`: stdin JSONL → stdout JSONL (docs/claims.md). */
export function registerMatchCommand(program: Command, loadFactChecks: () => Promise<FactCheck[]>): void {
  program
    .command('match')
    .description('match JSON lines {"id","text"} on stdin against the fact-check registry; one JSON line per input on stdout')
    .option('--factchecks <file>', 'use this fact-check file (JSON array or ClaimReview JSON-LD) instead of the store')
    .option('--threshold <x>', 'report matches scoring at least x (0..1)')
    .action(async (f: { factchecks?: string; threshold?: string }) => {
      const threshold = parseThreshold(f.threshold);
      const factChecks = f.factchecks !== undefined ? await readFactCheckFile(f.factchecks) : await loadFactChecks();
      const matcher = createClaimMatcher(factChecks);
      const bad = await runMatchStream(matcher, process.stdin, process.stdout, threshold);
      if (bad > 0) {
        console.error(`kiemtin: ${bad} input line(s) could not be read; see "error" in their output lines`);
        process.exitCode = 2;
      }
    });
}
