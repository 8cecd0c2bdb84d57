/** The `rules` detector: one finding per rule of the policy pack that holds for a document. */
import type { Detector, DetectContext, DetectDocument, FindingDraft } from '../types.js';
import type { PolicyRule } from '../policy/parse.js';
import type { CompiledPack, RuleEvidence } from './engine.js';

export const RULES_DETECTOR_ID = 'rules';

/** Score factor when every phrase that fired matched only on the folded key (a lead, not evidence). */
export const FOLDED_ONLY_FACTOR = 0.8;

const PERSONAL = new Set(['phone', 'cccd', 'bank-account', 'email']);
const round = (x: number): number => Math.round(x * 10000) / 10000;
const clip = (s: string, n = 80): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The finding a rule hit becomes (shared by the detector and backtesting). */
export function ruleFinding(pack: CompiledPack, rule: PolicyRule, ev: RuleEvidence): FindingDraft {
  const phraseOnly = ev.matches.length > 0 && ev.regex.length === 0 && ev.signals.length === 0 && ev.links.length === 0;
  const foldedOnly = ev.matches.length > 0 && ev.matches.every((m) => !m.exact);
  const score = round(phraseOnly && foldedOnly ? rule.score * FOLDED_ONLY_FACTOR : rule.score);
  const said: string[] = [];
  const seen = new Set<string>();
  for (const m of ev.matches) {
    if (seen.has(m.text) || said.length >= 5) continue;
    seen.add(m.text);
    said.push(`"${clip(m.text, 40)}"${m.exact ? '' : ' (không dấu/viết tắt)'}`);
  }
  // Personal data is named, not repeated, in an explanation (it may end up in a public report).
  for (const s of ev.signals) if (said.length < 8) said.push(PERSONAL.has(s.name) ? s.name : `${s.name} "${clip(s.text, 40)}"`);
  for (const r of ev.regex) if (said.length < 8) said.push(`"${clip(r.text, 40)}"`);
  for (const l of ev.links) if (said.length < 8) said.push(l.host);
  for (const s of ev.scores) if (said.length < 8) said.push(`${s.model}:${s.label}=${s.score.toFixed(2)}`);
  const explanation = `${rule.explanation}${said.length > 0 ? ` Khớp: ${[...new Set(said)].join(', ')}.` : ''} (quy tắc ${rule.id})`;
  return {
    category: rule.category,
    score,
    explanation,
    evidence: {
      ruleId: rule.id,
      packId: pack.pack.id,
      packVersion: pack.pack.version,
      exact: !foldedOnly,
      matches: ev.matches.map((m) => ({ phrase: m.phrase, start: m.start, end: m.end, text: m.text, exact: m.exact })),
      signals: ev.signals.map((s) => ({ name: s.name, start: s.start, end: s.end, text: s.text, ...(s.detail ? { detail: s.detail } : {}) })),
      regex: ev.regex,
      links: ev.links.map((l) => ({ start: l.start, end: l.end, text: l.text, host: l.host })),
      scores: ev.scores,
    },
  };
}

/** Builds the rules detector for a compiled pack; its version is the pack's version. */
export function createRulesDetector(pack: CompiledPack): Detector {
  return {
    id: RULES_DETECTOR_ID,
    version: pack.pack.version,
    appliesTo(doc: DetectDocument): boolean {
      return doc.text.trim() !== '';
    },
    run(doc: DetectDocument, ctx: DetectContext): FindingDraft[] {
      return pack.evaluate(doc, ctx).map(({ rule, evidence }) => ruleFinding(pack, rule, evidence));
    },
  };
}
