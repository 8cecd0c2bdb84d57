/**
 * Reads a ViLexNorm CSV (columns: index, original, normalized) into pairs. Shared by the
 * text-learn-lexnorm and text-eval-lexnorm scripts.
 */
import { readFileSync } from 'node:fs';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Loads (original, normalized) pairs from a ViLexNorm CSV file. */
export function loadPairs(file: string): Array<{ original: string; normalized: string }> {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0] ?? [];
  const oi = header.indexOf('original');
  const ni = header.indexOf('normalized');
  if (oi < 0 || ni < 0) throw new Error(`${file}: expected columns "original" and "normalized"`);
  return rows.slice(1).filter((r) => r.length > Math.max(oi, ni)).map((r) => ({ original: r[oi] ?? '', normalized: r[ni] ?? '' }));
}

/** Word error rate data: edit distance between whitespace token sequences and the reference length. */
export function editDistance(hyp: readonly string[], ref: readonly string[]): number {
  let prev = Array.from({ length: ref.length + 1 }, (_, j) => j);
  for (let i = 1; i <= hyp.length; i++) {
    const cur = [i];
    for (let j = 1; j <= ref.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (hyp[i - 1] === ref[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[ref.length] ?? 0;
}
