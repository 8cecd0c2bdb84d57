/**
 * Pure helpers for showing crawled (hostile) content: evidence spans, highlighting by splitting the
 * string, and links that can only be http(s). Nothing here builds HTML; React renders the pieces as text.
 */

export interface Span {
  start: number;
  end: number;
  /** Which finding the span belongs to (index into the case's findings). */
  finding: number;
}

export interface Segment {
  text: string;
  /** The findings whose evidence covers this piece (empty: plain text). */
  findings: number[];
}

/**
 * Every `{start, end}` pair in a finding's evidence, as the detectors write them (offsets into the text
 * the person wrote), kept only when they lie inside the text. `evidenceSpans({matches: [{start: 2, end: 5}]}, 0, 10)`.
 */
export function evidenceSpans(evidence: unknown, finding: number, textLength: number): Span[] {
  const out: Span[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      const { start, end } = o;
      if (
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        (start as number) >= 0 &&
        (start as number) < (end as number) &&
        (end as number) <= textLength
      ) {
        out.push({ start: start as number, end: end as number, finding });
      }
      for (const x of Object.values(o)) walk(x, depth + 1);
    }
  };
  walk(evidence, 0);
  return out;
}

/**
 * Cuts the text at every span boundary; each piece lists the findings that cover it. Overlapping
 * spans are fine. `segments('abcdef', [{start: 1, end: 3, finding: 0}])` → `a`, `bc` (0), `def`.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to === from) continue;
    const findings = [
      ...new Set(spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.finding)),
    ].sort((a, b) => a - b);
    const prev = out[out.length - 1];
    if (prev && prev.findings.join() === findings.join()) prev.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), findings });
  }
  return out;
}

/** The URL when it is an absolute http(s) URL, else null (javascript:, data:, relative, garbage). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Hours until (positive) or since (negative) `iso`, from `now`. */
export function hoursUntil(iso: string, now: Date): number {
  return (new Date(iso).getTime() - now.getTime()) / 3_600_000;
}
