/**
 * Backtesting: what a pack would have flagged on stored documents, before it goes live, and what a new
 * version would add or remove compared with the running one. Pure: the caller loads the documents.
 */
import type { DetectContext, DetectDocument, FindingDraft } from '../types.js';
import type { PolicyPack } from '../policy/parse.js';
import { ruleFinding } from './detector.js';
import { CompiledPack, type Scorer } from './engine.js';

export interface BacktestOptions {
  /** The time the documents are judged at (ages, CCCD birth years); detectors have no clock. */
  now: Date;
  /** Parent of a document, when known (for the context). */
  parentOf?: (doc: DetectDocument) => DetectDocument | null;
  scorers?: Readonly<Record<string, Scorer>>;
  /** Matched documents listed per rule (the count is always complete). Default 50. */
  maxExamples?: number;
}

export interface BacktestHit {
  documentId: string;
  score: number;
  explanation: string;
  evidence: FindingDraft['evidence'];
}

export interface RuleBacktest {
  ruleId: string;
  category: string;
  count: number;
  matches: BacktestHit[];
}

export interface BacktestReport {
  packId: string;
  packVersion: string;
  documents: number;
  /** Documents flagged by at least one rule. */
  flaggedDocuments: number;
  /** Every enabled rule, in pack order, including those that matched nothing. */
  rules: RuleBacktest[];
}

const compiledOf = (p: PolicyPack | CompiledPack, scorers?: Readonly<Record<string, Scorer>>): CompiledPack =>
  p instanceof CompiledPack ? p : new CompiledPack(p, scorers ?? {});

function run(pack: CompiledPack, docs: readonly DetectDocument[], opts: BacktestOptions): { report: BacktestReport; flagged: Map<string, Set<string>> } {
  const max = opts.maxExamples ?? 50;
  const rules = new Map<string, RuleBacktest>();
  for (const r of pack.pack.rules) if (r.enabled) rules.set(r.id, { ruleId: r.id, category: r.category, count: 0, matches: [] });
  const flagged = new Map<string, Set<string>>();
  for (const doc of docs) {
    const ctx: DetectContext = { now: opts.now, parent: opts.parentOf?.(doc) ?? null };
    for (const { rule, evidence } of pack.evaluate(doc, ctx)) {
      const entry = rules.get(rule.id);
      if (entry === undefined) continue;
      entry.count++;
      if (entry.matches.length < max) {
        const f = ruleFinding(pack, rule, evidence);
        entry.matches.push({ documentId: doc.id, score: f.score, explanation: f.explanation, evidence: f.evidence });
      }
      let set = flagged.get(doc.id);
      if (set === undefined) flagged.set(doc.id, (set = new Set()));
      set.add(rule.id);
    }
  }
  return {
    report: { packId: pack.pack.id, packVersion: pack.pack.version, documents: docs.length, flaggedDocuments: flagged.size, rules: [...rules.values()] },
    flagged,
  };
}

/**
 * Runs every enabled rule of `pack` over `docs`: per rule, the count and the matched documents with
 * their evidence. Example: `backtest(pack, docs, { now }).rules.find(r => r.ruleId === 'gambling-site')?.count`.
 */
export function backtest(pack: PolicyPack | CompiledPack, docs: readonly DetectDocument[], opts: BacktestOptions): BacktestReport {
  return run(compiledOf(pack, opts.scorers), docs, opts).report;
}

export interface DocumentChange {
  documentId: string;
  /** Rules of the new pack that flag it (for added) or of the old pack that flagged it (for removed). */
  ruleIds: string[];
}

export interface RuleChange {
  ruleId: string;
  before: number;
  after: number;
  /** Documents this rule flags only in the new pack / only in the old one. */
  added: string[];
  removed: string[];
}

export interface PackDiff {
  from: { packId: string; version: string };
  to: { packId: string; version: string };
  documents: number;
  /** Documents the new pack flags and the old one did not. */
  added: DocumentChange[];
  /** Documents the old pack flagged and the new one does not. */
  removed: DocumentChange[];
  /** Rules whose set of flagged documents changed (new, removed or edited rules). */
  rules: RuleChange[];
  before: BacktestReport;
  after: BacktestReport;
}

/** What switching from `from` to `to` would change on `docs`: documents and rules gained and lost. */
export function diffPacks(from: PolicyPack | CompiledPack, to: PolicyPack | CompiledPack, docs: readonly DetectDocument[], opts: BacktestOptions): PackDiff {
  const a = run(compiledOf(from, opts.scorers), docs, opts);
  const b = run(compiledOf(to, opts.scorers), docs, opts);
  const added: DocumentChange[] = [];
  const removed: DocumentChange[] = [];
  for (const doc of docs) {
    const was = a.flagged.get(doc.id);
    const now = b.flagged.get(doc.id);
    if (now && !was) added.push({ documentId: doc.id, ruleIds: [...now] });
    if (was && !now) removed.push({ documentId: doc.id, ruleIds: [...was] });
  }
  const ruleIds = new Set([...a.report.rules.map((r) => r.ruleId), ...b.report.rules.map((r) => r.ruleId)]);
  const docsOf = (flagged: Map<string, Set<string>>, ruleId: string): Set<string> => new Set([...flagged].filter(([, s]) => s.has(ruleId)).map(([d]) => d));
  const rules: RuleChange[] = [];
  for (const id of ruleIds) {
    const before = docsOf(a.flagged, id);
    const after = docsOf(b.flagged, id);
    const plus = [...after].filter((d) => !before.has(d));
    const minus = [...before].filter((d) => !after.has(d));
    if (plus.length > 0 || minus.length > 0) rules.push({ ruleId: id, before: before.size, after: after.size, added: plus, removed: minus });
  }
  return {
    from: { packId: a.report.packId, version: a.report.packVersion },
    to: { packId: b.report.packId, version: b.report.packVersion },
    documents: docs.length,
    added,
    removed,
    rules,
    before: a.report,
    after: b.report,
  };
}
