/**
 * Text reuse: which parts of a comment are copied from a source text (its parent post, or any given
 * article), with the copied span in the comment and the span it came from in the source.
 *
 * Both texts are compared on matching-key syllables, so a copy without diacritics or in teencode still
 * matches. A comment syllable pair that also occurs in the source is a hit; hits that follow each other
 * (allowing a one-syllable gap for an inserted, dropped or mistyped syllable) form a run, and only runs of
 * at least `minRunTokens` syllables count as copied, so shared common phrases ("của các", "người dân")
 * do not. Each run is aligned to the source by voting on the position offset, which gives the source
 * span even when the same bigram occurs many times there.
 */
import type { Detector, DetectContext, DetectDocument, FindingDraft } from '../types.js';
import { keyTokens, sentences, type KeyToken } from './key-tokens.js';
import { fmix32 } from './shingles.js';

export interface TextReuseOptions {
  /** Shortest run of copied syllables that counts (shorter shared phrases are ordinary language). */
  minRunTokens: number;
  /** A comment is flagged when at least this many of its syllables are copied... */
  minCopiedTokens: number;
  /** ...and they are at least this share of the comment's syllables. */
  minShare: number;
  /** Occurrences of one bigram in the source that are considered (bounds work on repetitive sources). */
  maxPositions: number;
  /** Only this many leading characters of a comment or source are compared (bounds time on 1 MB input). */
  maxChars: number;
}

export const DEFAULT_TEXT_REUSE_OPTIONS: TextReuseOptions = { minRunTokens: 5, minCopiedTokens: 6, minShare: 0.5, maxPositions: 32, maxChars: 100_000 };

/** One copied span: [start, end) in the comment and [sourceStart, sourceEnd) in the source (UTF-16 offsets). */
export interface ReuseSpan {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  /** Syllables of the comment in this span that are copied. */
  tokens: number;
}

export interface TextReuse {
  sourceId: string;
  /** Share of the comment's key syllables that are copied, 0..1. */
  score: number;
  copiedTokens: number;
  totalTokens: number;
  spans: ReuseSpan[];
  /** Whether the thresholds of the options are met. */
  flagged: boolean;
}

export interface ReuseSource {
  id: string;
  text: string;
}

function tokenHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

function bigramHashes(tokens: readonly KeyToken[]): Int32Array {
  const th = tokens.map((t) => tokenHash(t.key));
  const out = new Int32Array(Math.max(0, tokens.length - 1));
  for (let i = 0; i + 1 < tokens.length; i++) out[i] = fmix32(Math.imul(th[i] as number, 0x9e3779b1) ^ (th[i + 1] as number)) | 0;
  return out;
}

/** A source prepared once for comparing many comments against it (e.g. a post and all its comments). */
export class ReuseSourceIndex {
  readonly id: string;
  readonly tokens: KeyToken[];
  private readonly positions = new Map<number, number[]>();

  constructor(source: ReuseSource, maxPositions = DEFAULT_TEXT_REUSE_OPTIONS.maxPositions, maxChars = DEFAULT_TEXT_REUSE_OPTIONS.maxChars) {
    this.id = source.id;
    this.tokens = keyTokens(source.text.length > maxChars ? source.text.slice(0, maxChars) : source.text);
    const bh = bigramHashes(this.tokens);
    for (let p = 0; p < bh.length; p++) {
      const h = bh[p] as number;
      const list = this.positions.get(h);
      if (list === undefined) this.positions.set(h, [p]);
      else if (list.length < maxPositions) list.push(p);
    }
  }

  /** Source positions where a bigram occurs (empty when none). */
  at(hash: number): readonly number[] {
    return this.positions.get(hash) ?? [];
  }
}

/** Compares a comment with one source. Example: a comment that is a source sentence minus its first letter scores ≈ 0.9. */
export function compareWithSource(
  text: string,
  source: ReuseSource | ReuseSourceIndex,
  opts: Partial<TextReuseOptions> = {},
): TextReuse {
  const o = { ...DEFAULT_TEXT_REUSE_OPTIONS, ...opts };
  const src = source instanceof ReuseSourceIndex ? source : new ReuseSourceIndex(source, o.maxPositions, o.maxChars);
  // A prefix keeps offsets valid for the whole text.
  if (text.length > o.maxChars) text = text.slice(0, o.maxChars);
  const tokens = keyTokens(text);
  const total = tokens.length;
  const none: TextReuse = { sourceId: src.id, score: 0, copiedTokens: 0, totalTokens: total, spans: [], flagged: false };
  if (total < 2 || src.tokens.length < 2) return none;
  const bh = bigramHashes(tokens);
  const hit = new Uint8Array(bh.length);
  for (let i = 0; i < bh.length; i++) if (src.at(bh[i] as number).length > 0) hit[i] = 1;
  // Runs stop at the comment's sentence boundaries: each copied sentence gets its own span and alignment.
  const brk = new Uint8Array(bh.length);
  let k = 0;
  for (const s of sentences(text)) {
    while (k < tokens.length && (tokens[k] as KeyToken).start < s.end) k++;
    if (k > 0 && k - 1 < bh.length) {
      brk[k - 1] = 1;
      hit[k - 1] = 0;
    }
  }

  const spans: ReuseSpan[] = [];
  let copied = 0;
  let i = 0;
  while (i < bh.length) {
    if (hit[i] === 0) {
      i++;
      continue;
    }
    // A run of hit bigrams; up to two missed bigrams in a row (one edited syllable) do not end it.
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < bh.length && brk[j] === 0) {
      if (hit[j] === 1) {
        last = j;
        j++;
      } else if (brk[j] === 0 && (hit[j + 1] === 1 || (brk[j + 1] === 0 && hit[j + 2] === 1))) {
        j++;
      } else break;
    }
    i = last + 1;
    let runTokens = 0;
    for (let t = first; t <= last + 1; t++) if (hit[t] === 1 || hit[t - 1] === 1) runTokens++;
    if (runTokens < o.minRunTokens) continue;
    const aligned = align(bh, hit, first, last, src);
    if (aligned === null) continue;
    copied += runTokens;
    spans.push({
      start: (tokens[first] as KeyToken).start,
      end: (tokens[last + 1] as KeyToken).end,
      sourceStart: (src.tokens[aligned.from] as KeyToken).start,
      sourceEnd: (src.tokens[aligned.to] as KeyToken).end,
      tokens: runTokens,
    });
  }
  const score = total === 0 ? 0 : copied / total;
  return {
    sourceId: src.id,
    score,
    copiedTokens: copied,
    totalTokens: total,
    spans,
    flagged: copied >= o.minCopiedTokens && score >= o.minShare,
  };
}

// Finds the source token range a run of comment bigrams [first, last] was copied from: the offset
// (source position − comment position) most bigrams agree on, then the extent of the bigrams within a
// few positions of it (insertions and deletions shift the offset a little).
function align(bh: Int32Array, hit: Uint8Array, first: number, last: number, src: ReuseSourceIndex): { from: number; to: number } | null {
  const votes = new Map<number, number>();
  for (let k = first; k <= last; k++) {
    if (hit[k] === 0) continue;
    for (const p of src.at(bh[k] as number)) votes.set(p - k, (votes.get(p - k) ?? 0) + 1);
  }
  let best = 0;
  let bestVotes = 0;
  for (const [d, v] of votes) {
    if (v > bestVotes || (v === bestVotes && d < best)) {
      best = d;
      bestVotes = v;
    }
  }
  if (bestVotes === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (let k = first; k <= last; k++) {
    if (hit[k] === 0) continue;
    for (const p of src.at(bh[k] as number)) {
      if (Math.abs(p - k - best) <= 3) {
        from = Math.min(from, p);
        to = Math.max(to, p + 1);
      }
    }
  }
  return from === Infinity ? null : { from, to };
}

/** The best flagged reuse of `text` among `sources`, or null. Sources can be prepared ReuseSourceIndex objects. */
export function findTextReuse(
  text: string,
  sources: readonly (ReuseSource | ReuseSourceIndex)[],
  opts: Partial<TextReuseOptions> = {},
): TextReuse | null {
  let best: TextReuse | null = null;
  for (const s of sources) {
    const r = compareWithSource(text, s, opts);
    if (r.flagged && (best === null || r.score > best.score)) best = r;
  }
  return best;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Sentences of the comment that fall inside copied spans (for the explanation). */
function copiedSentenceCount(text: string, spans: readonly ReuseSpan[]): number {
  return sentences(text).filter((s) => spans.some((sp) => sp.start < s.end && sp.end > s.start)).length;
}

/**
 * Detector `text-reuse`: flags a comment that copies its parent (ctx.parent), and optionally any of
 * `articles`. Score = share of the comment's syllables that are copied.
 */
export function createTextReuseDetector(opts: Partial<TextReuseOptions> & { articles?: readonly ReuseSource[] } = {}): Detector {
  const { articles = [], ...rest } = opts;
  const prepared = articles.map((a) => new ReuseSourceIndex(a, rest.maxPositions, rest.maxChars));
  return {
    id: 'text-reuse',
    version: '1',
    appliesTo(doc: DetectDocument): boolean {
      return doc.kind === 'comment' && doc.text.trim() !== '';
    },
    run(doc: DetectDocument, ctx: DetectContext): FindingDraft[] {
      const sources: (ReuseSource | ReuseSourceIndex)[] = [];
      if (ctx.parent !== null && ctx.parent.text !== '') sources.push({ id: ctx.parent.id, text: ctx.parent.text });
      for (const p of prepared) if (p.id !== ctx.parent?.id && p.id !== doc.id) sources.push(p);
      const r = findTextReuse(doc.text, sources, rest);
      if (r === null) return [];
      const pct = Math.round(r.score * 100);
      const isParent = r.sourceId === ctx.parent?.id;
      return [
        {
          category: 'coordinated-behaviour',
          score: round(r.score),
          explanation:
            `${pct}% nội dung bình luận (${r.copiedTokens}/${r.totalTokens} âm tiết, ${copiedSentenceCount(doc.text, r.spans)} câu) ` +
            `được sao chép từ ${isParent ? 'bài viết gốc' : 'bài viết khác'} ${r.sourceId}.`,
          evidence: {
            sourceId: r.sourceId,
            sourceIsParent: isParent,
            copiedTokens: r.copiedTokens,
            totalTokens: r.totalTokens,
            spans: r.spans.map((s) => ({ start: s.start, end: s.end, sourceStart: s.sourceStart, sourceEnd: s.sourceEnd, text: doc.text.slice(s.start, Math.min(s.end, s.start + 300)) })),
          },
        },
      ];
    },
  };
}
