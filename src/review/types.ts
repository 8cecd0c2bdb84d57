/** Review and enforcement vocabulary (docs/review.md). Pure data. */

/** What a case is about. */
export const SUBJECT_KINDS = ['document', 'account', 'outlet', 'campaign'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * open → (decision) → closed | actioned | awaiting-approval | escalated;
 * awaiting-approval → actioned (approved) | open (rejected); actioned | closed | escalated → appealed → closed.
 */
export const CASE_STATES = [
  'open',
  'awaiting-approval',
  'actioned',
  'escalated',
  'appealed',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** How the case came to us: a detector, a report from outside, or a reviewer's own initiative. */
export const DETECTION_SOURCES = ['automated', 'report', 'own-initiative'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export const OUTCOMES = ['no-violation', 'violation'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The graduated actions, lightest first. */
export const ACTIONS = ['none', 'label', 'notice', 'takedown-request', 'escalation'] as const;
export type ActionKind = (typeof ACTIONS)[number];

/** issued → checked (takedown requests after the deadline) or withdrawn (decision reversed). */
export const ACTION_STATUSES = ['awaiting-approval', 'rejected', 'issued', 'checked', 'withdrawn'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CHECK_RESULTS = ['removed', 'still-up', 'changed'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'reversed'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const WEBHOOK_EVENTS = ['decision.made', 'action.due', 'deadline.missed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A finding as copied into a case (findings are replaced when detection runs again). */
export interface CaseFinding {
  id: number;
  detector: string;
  detectorVersion: string;
  category: string;
  score: number;
  explanation: string;
  evidence: Record<string, unknown>;
}

/** The EU DSA Art. 17 statement of reasons, as recorded with every decision. */
export interface StatementOfReasons {
  contentType: string;
  contentDate: string | null;
  url: string | null;
  restriction: { action: ActionKind; description: string; deadline: string | null };
  ground: { kind: 'illegal-content' | 'policy' | 'none'; legalBasis: string[]; explanation: string };
  category: string;
  facts: string;
  detectionSource: DetectionSource;
  automatedDetection: boolean;
  automatedDecision: boolean;
  redress: string[];
}

export interface LegalBasisRef {
  provisionId: string;
  /** The revision of the provision cited (its text then); decisions made before revisions existed cited revision 1. */
  revision: number;
  citation: string;
  registryVersion: string;
  unverified: boolean;
}

/** The transparency report (`kiemtin report transparency`, `GET /api/v1/reports/transparency`). */
export interface TransparencyReport {
  period: { from: string; to: string };
  generatedAt: string;
  /** First decisions on cases made in the period. */
  decisions: number;
  byCategory: Record<string, number>;
  byOutcome: Record<string, number>;
  byAction: Record<string, number>;
  /** automated (a detector), report (from outside), own-initiative (a reviewer). */
  bySource: Record<string, number>;
  byLegalBasis: Record<string, number>;
  /** Always 0: every decision is made by a person. */
  automatedDecisions: number;
  appeals: { filed: number; decided: number; upheld: number; reversed: number };
  compliance: Record<string, number>;
  /** Median hours from a case being opened to its first decision; null without decisions. */
  medianHoursToDecision: number | null;
}
