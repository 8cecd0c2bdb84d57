/**
 * The rules engine: a pack is compiled once (one phrase automaton for every phrase of every rule and
 * list, regular expressions compiled, conditions turned into closures); each document is analysed
 * once (key syllables, phrase matches, signals) and every rule is a cheap boolean over that analysis.
 */
import { analysisOf, type DocumentAnalysis } from '../analysis.js';
import type { DetectContext, DetectDocument } from '../types.js';
import type { Condition, FieldCondition, Range } from '../policy/conditions.js';
import type { PolicyPack, PolicyRule } from '../policy/parse.js';
import type { Link, Signal, SignalScan } from '../signals/index.js';
import { PhraseIndex, type PhraseMatch } from './phrase-index.js';

const MAX_EVIDENCE = 20;

/**
 * Scores a text with one classifier model: label → 0..1. `analysis`, when given, is the document's
 * shared analysis, whose memoised prediction a scorer may reuse (the text is its classifierText).
 */
export type Scorer = (text: string, analysis?: DocumentAnalysis) => Readonly<Record<string, number>>;

export interface RegexHit {
  pattern: string;
  start: number;
  end: number;
  text: string;
}

/** What made a rule fire; offsets are into the document's text. */
export interface RuleEvidence {
  matches: PhraseMatch[];
  signals: Signal[];
  regex: RegexHit[];
  links: Link[];
  scores: Array<{ model: string; label: string; score: number }>;
}

const emptyEvidence = (): RuleEvidence => ({ matches: [], signals: [], regex: [], links: [], scores: [] });

function mergeInto(into: RuleEvidence, from: RuleEvidence): void {
  into.matches.push(...from.matches);
  into.signals.push(...from.signals);
  into.regex.push(...from.regex);
  into.links.push(...from.links);
  into.scores.push(...from.scores);
}

/**
 * What the rules read of one document: the shared analysis (key syllables, signals, classifier
 * predictions) plus the phrase matches of this pack, computed on first use.
 */
export class RuleAnalysis {
  readonly text: string;
  readonly doc: DetectDocument;
  private byPhrase: Map<string, PhraseMatch[]> | null = null;
  private byName: Map<string, Signal[]> | null = null;
  private readonly scoreCache = new Map<string, Readonly<Record<string, number>> | null>();

  constructor(
    readonly shared: DocumentAnalysis,
    readonly ctx: DetectContext,
    private readonly phrases: PhraseIndex,
    private readonly scorers: Readonly<Record<string, Scorer>>,
  ) {
    this.text = shared.text;
    this.doc = shared.doc;
  }

  /** Phrase → its occurrences (one automaton pass, done on first use). */
  phraseMatches(): Map<string, PhraseMatch[]> {
    if (this.byPhrase === null) {
      this.byPhrase = new Map();
      if (this.phrases.size > 0) {
        for (const m of this.phrases.match({ raw: this.text, tokens: this.shared.keyTokens() })) {
          const list = this.byPhrase.get(m.phrase);
          if (list === undefined) this.byPhrase.set(m.phrase, [m]);
          else list.push(m);
        }
      }
    }
    return this.byPhrase;
  }

  signals(): SignalScan {
    return this.shared.signals();
  }

  /** The signals of one name, in text order (several rules ask for the same name). */
  signalsNamed(name: string): Signal[] {
    this.byName ??= new Map();
    let hits = this.byName.get(name);
    if (hits === undefined) {
      hits = this.signals().signals.filter((s) => s.name === name);
      this.byName.set(name, hits);
    }
    return hits;
  }

  /** A classifier score: from the context when the caller computed it, else from the model (memoized). */
  score(model: string, label: string): number | undefined {
    const given = this.ctx.classifierScores?.[model]?.[label];
    if (given !== undefined) return given;
    if (!this.scoreCache.has(model)) {
      const scorer = this.scorers[model];
      this.scoreCache.set(model, scorer ? scorer(this.shared.classifierText, this.shared) : null);
    }
    return this.scoreCache.get(model)?.[label];
  }
}

type Test = (a: RuleAnalysis, ev: RuleEvidence) => boolean;

const inRange = (x: number, r: Range): boolean => (r.atLeast === undefined || x >= r.atLeast) && (r.atMost === undefined || x <= r.atMost);
const isUnder = (host: string, domain: string): boolean => host === domain || host.endsWith('.' + domain);
const normAuthor = (s: string): string => s.trim().replace(/^@/, '').toLowerCase();

/** A compiled pack: evaluate with `evaluate(doc, ctx)`. */
export class CompiledPack {
  readonly phrases: PhraseIndex;
  private readonly tests: Array<{ rule: PolicyRule; test: Test }>;
  private readonly categoryIds: Set<string>;

  constructor(
    readonly pack: PolicyPack,
    private readonly scorers: Readonly<Record<string, Scorer>> = {},
  ) {
    const all = new Set<string>();
    for (const list of Object.values(pack.phraseLists)) for (const p of list) all.add(p);
    const collect = (c: Condition): void => {
      if (c.type === 'phrases') c.phrases.forEach((p) => all.add(p));
      else if (c.type === 'count' && c.phrases) c.phrases.forEach((p) => all.add(p));
      if (c.type === 'all' || c.type === 'any' || (c.type === 'count' && c.of)) (c.type === 'count' ? (c.of ?? []) : c.of).forEach(collect);
      else if (c.type === 'not') collect(c.of);
    };
    pack.rules.forEach((r) => collect(r.when));
    this.phrases = new PhraseIndex(all);
    this.categoryIds = new Set(pack.categories.map((c) => c.id));
    this.tests = pack.rules.filter((r) => r.enabled).map((rule) => ({ rule, test: this.compile(rule.when) }));
  }

  /** Categories of the pack (every finding's category is one of them). */
  get categories(): ReadonlySet<string> {
    return this.categoryIds;
  }

  /** The rules' view of one document (the caller may reuse it across evaluations); uses ctx.analysis when it is this document's. */
  analyse(doc: DetectDocument, ctx: DetectContext): RuleAnalysis {
    return new RuleAnalysis(analysisOf(doc, ctx), ctx, this.phrases, this.scorers);
  }

  /** Every enabled rule that holds for the document, in pack order, with its evidence. */
  evaluate(doc: DetectDocument, ctx: DetectContext, analysis: RuleAnalysis = this.analyse(doc, ctx)): Array<{ rule: PolicyRule; evidence: RuleEvidence }> {
    const out: Array<{ rule: PolicyRule; evidence: RuleEvidence }> = [];
    for (const { rule, test } of this.tests) {
      const ev = emptyEvidence();
      if (test(analysis, ev)) out.push({ rule, evidence: ev });
    }
    return out;
  }

  private phraseSet(c: Condition & { type: 'phrases' | 'phraseList' | 'count' }): Set<string> {
    const list = c.type === 'phrases' ? c.phrases : c.type === 'phraseList' ? this.pack.phraseLists[c.list] : (c.phrases ?? (c.phraseList ? this.pack.phraseLists[c.phraseList] : []));
    return new Set((list ?? []).filter((p) => this.phrases.has(p)));
  }

  private compile(c: Condition): Test {
    switch (c.type) {
      case 'phrases':
      case 'phraseList': {
        const set = this.phraseSet(c);
        return (a, ev) => matchedPhrases(a, set, ev) > 0;
      }
      case 'count': {
        if (c.of) {
          const subs = c.of.map((s) => this.compile(s));
          return (a, ev) => {
            const local = emptyEvidence();
            let n = 0;
            for (const t of subs) if (t(a, local)) n++;
            if (n < c.atLeast) return false;
            mergeInto(ev, local);
            return true;
          };
        }
        if (c.signal) {
          const name = c.signal;
          return (a, ev) => {
            const hits = a.signalsNamed(name);
            if (new Set(hits.map((s) => s.value)).size < c.atLeast) return false;
            ev.signals.push(...hits.slice(0, MAX_EVIDENCE));
            return true;
          };
        }
        const set = this.phraseSet(c);
        return (a, ev) => {
          const local = emptyEvidence();
          if (matchedPhrases(a, set, local) < c.atLeast) return false;
          mergeInto(ev, local);
          return true;
        };
      }
      case 'regex': {
        const re = new RegExp(c.pattern, c.flags.includes('g') ? c.flags : c.flags + 'g');
        return (a, ev) => {
          re.lastIndex = 0;
          let found = false;
          for (const m of a.text.matchAll(re)) {
            if (m[0] === '') continue;
            found = true;
            const start = m.index ?? 0;
            ev.regex.push({ pattern: c.pattern, start, end: start + m[0].length, text: m[0] });
            if (ev.regex.length >= MAX_EVIDENCE) break;
          }
          return found;
        };
      }
      case 'domains':
        return (a, ev) => {
          const hits = a.signals().links.filter((l) => c.domains.some((d) => isUnder(l.host, d)));
          ev.links.push(...hits.slice(0, MAX_EVIDENCE));
          return hits.length > 0;
        };
      case 'urls':
        return (a, ev) => {
          const hits = a.signals().links.filter((l) => c.urls.some((u) => l.url.startsWith(u)));
          ev.links.push(...hits.slice(0, MAX_EVIDENCE));
          return hits.length > 0;
        };
      case 'field':
        return (a) => fieldHolds(c.field, a);
      case 'classifier':
        return (a, ev) => {
          const s = a.score(c.model, c.label);
          if (s === undefined || s < c.atLeast) return false;
          ev.scores.push({ model: c.model, label: c.label, score: Math.round(s * 10000) / 10000 });
          return true;
        };
      case 'signal':
        return (a, ev) => {
          const hits = a.signalsNamed(c.signal);
          if (hits.length < c.atLeast) return false;
          ev.signals.push(...hits.slice(0, MAX_EVIDENCE));
          return true;
        };
      case 'all': {
        const subs = c.of.map((s) => this.compile(s));
        return (a, ev) => {
          const local = emptyEvidence();
          for (const t of subs) if (!t(a, local)) return false;
          mergeInto(ev, local);
          return true;
        };
      }
      case 'any': {
        const subs = c.of.map((s) => this.compile(s));
        return (a, ev) => subs.some((t) => t(a, ev));
      }
      case 'not': {
        const inner = this.compile(c.of);
        // Evidence of what is absent means nothing: it is dropped.
        return (a) => !inner(a, emptyEvidence());
      }
    }
  }
}

/** Number of distinct phrases of `set` found; their occurrences go into the evidence. */
function matchedPhrases(a: RuleAnalysis, set: ReadonlySet<string>, ev: RuleEvidence): number {
  const found = a.phraseMatches();
  if (found.size === 0 || set.size === 0) return 0;
  let n = 0;
  // Walk the smaller side: a document matches few phrases even when a list has thousands.
  if (found.size <= set.size) {
    for (const [p, ms] of found) if (set.has(p)) n += push(ev, ms);
  } else {
    for (const p of set) {
      const ms = found.get(p);
      if (ms) n += push(ev, ms);
    }
  }
  return n;
}

function push(ev: RuleEvidence, ms: PhraseMatch[]): number {
  if (ev.matches.length < MAX_EVIDENCE) ev.matches.push(...ms.slice(0, MAX_EVIDENCE - ev.matches.length));
  return 1;
}

function fieldHolds(f: FieldCondition, a: RuleAnalysis): boolean {
  const d = a.doc;
  if (f.kind && !f.kind.includes(d.kind)) return false;
  if (f.outletType && (d.outletType === null || !f.outletType.includes(d.outletType))) return false;
  if (f.author && (d.author === null || !f.author.map(normAuthor).includes(normAuthor(d.author)))) return false;
  if (f.ageMinutes) {
    if (d.publishedAt === null) return false;
    if (!inRange((a.ctx.now.getTime() - d.publishedAt.getTime()) / 60_000, f.ageMinutes)) return false;
  }
  if (f.hasLinks !== undefined && a.signals().links.length > 0 !== f.hasLinks) return false;
  if (f.linkCount && !inRange(a.signals().links.length, f.linkCount)) return false;
  return true;
}
