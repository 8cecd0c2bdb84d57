/**
 * The fact-check registry model: a claim that fact-checkers have verified, with its verdict and the
 * correction to attach. Plain data (dates as ISO strings) so a store can persist it as rows + JSON.
 */
import { z } from 'zod';
import type { SurfaceFeatures } from './surface.js';

export const VERDICTS = ['false', 'misleading', 'unverified', 'true'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const FACTCHECK_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type FactCheckStatus = (typeof FACTCHECK_STATUSES)[number];

export const HISTORY_ACTIONS = ['created', 'imported', 'updated', 'merged', 'status-changed'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date' });

export const factCheckHistoryEntrySchema = z.object({
  /** ISO time of the change; null when the caller had no clock to give (pure parsing). */
  at: isoDate.nullable(),
  action: z.enum(HISTORY_ACTIONS),
  /** User or import source responsible for the change. */
  by: z.string().nullable(),
  note: z.string().nullable(),
});
export type FactCheckHistoryEntry = z.infer<typeof factCheckHistoryEntrySchema>;

export const factCheckSchema = z.object({
  /** Internal id, stable: derived from the external id (or the claim) so re-imports land on the same row. */
  id: z.string().min(1),
  /** The id given by the importing organisation; what `kiemtin match` reports when present. */
  externalId: z.string().min(1).nullable(),
  /** The claim as it circulates, one or two sentences. */
  claim: z.string().min(1),
  verdict: z.enum(VERDICTS),
  /** The rating label as the fact-checker wrote it ("Sai sự thật", "Mostly false"), kept for display. */
  ratingLabel: z.string().nullable(),
  /** The correction a reviewer attaches to a matching post. */
  correction: z.string(),
  evidenceLinks: z.array(z.string()),
  /** Organisation that published the fact-check. */
  authorOrg: z.string().nullable(),
  /** Who made the claim, when known (a page, a person). */
  claimAuthor: z.string().nullable(),
  /** When the claim first appeared. */
  claimDate: isoDate.nullable(),
  /** When the fact-check was published. */
  reviewDate: isoDate.nullable(),
  /** Public URL of the fact-check article. */
  url: z.string().nullable(),
  status: z.enum(FACTCHECK_STATUSES),
  /** BCP 47 language of the claim; matching is built for 'vi'. */
  language: z.string().min(2),
  history: z.array(factCheckHistoryEntrySchema),
});
export type FactCheck = z.infer<typeof factCheckSchema>;

/** The simple import format: `[{"id","claim","verdict","correction"}, ...]`, other fields optional. */
export const simpleFactCheckSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  claim: z.string().trim().min(1),
  verdict: z.string().trim().min(1),
  correction: z.string(),
  ratingLabel: z.string().nullish(),
  evidenceLinks: z.array(z.string()).nullish(),
  authorOrg: z.string().nullish(),
  claimAuthor: z.string().nullish(),
  claimDate: isoDate.nullish(),
  reviewDate: isoDate.nullish(),
  url: z.string().nullish(),
  status: z.enum(FACTCHECK_STATUSES).nullish(),
  language: z.string().min(2).nullish(),
  history: z.array(factCheckHistoryEntrySchema).nullish(),
});
export type SimpleFactCheck = z.input<typeof simpleFactCheckSchema>;

/** A span of the raw document text: `text === raw.slice(start, end)`. */
export interface Passage {
  start: number;
  end: number;
  text: string;
}

/** The verifier's measurements for one match; all in 0..1 unless said. */
export interface ClaimMatchFeatures {
  /** BM25 score of the fact-check for the whole document (unnormalised). */
  retrieval: number;
  /** Weighted share of the claim's content syllables found in the passage. */
  coverage: number;
  /** Weighted share of the claim's content syllables other than names/places (what it says) found. */
  core: number;
  /** Share of the claim's syllable bigrams found in the passage. */
  bigrams: number;
  /** Weighted share of the claim's distinctive terms (names, places, rare words) found. */
  anchors: number;
  /** Share of matched claim terms that appear in the claim's order. */
  order: number;
  /** 'agree' | 'changed' | 'absent' | 'none' (claim has no number). */
  numbers: 'agree' | 'changed' | 'absent' | 'none';
  /** Cues found around the passage, by kind. */
  debunkCues: string[];
  questionCues: string[];
  chainCues: string[];
  /** Claim terms that the passage puts under a negation the claim does not have (or vice versa). */
  negated: string[];
}

export interface ClaimMatch {
  /** The external id when the fact-check was imported with one, else the internal id. */
  factCheckId: string;
  /** 0..1; compared against the matcher's threshold. */
  score: number;
  passage: Passage;
  /** One or two sentences for a reviewer. */
  explanation: string;
  features: ClaimMatchFeatures;
  /** Every factor the verifier applied and the raw shares behind them: what a combiner reads. */
  factors: ClaimFactors;
}

/**
 * The verifier's factors for one candidate, as numbers (issue #6, sixth round). Each `x…` field is a
 * multiplicative factor of the hand formula (1 when it did not apply); the others are the shares and
 * flags behind them. `hand` is the hand formula's score whatever combiner reports the match.
 */
export interface ClaimFactors {
  hand: number;
  base: number;
  /** Share of the claim's names/places found (1 when the claim has none). */
  namesShare: number;
  /** Another capitalised name in a sentence carrying the claim (0/1). */
  otherName: number;
  xNames: number;
  xNumbers: number;
  /** Far numbers (another figure, not a misquote). */
  xFarNumbers: number;
  /** Weight share of claim terms under a negation the claim does not have (or the reverse). */
  negatedShare: number;
  xNegated: number;
  xDenied: number;
  /** Share of the claim's predicate phrases found (1 when it has none). */
  predicateShare: number;
  /** The claim has predicate phrases (0/1). */
  hasPredicate: number;
  /** A missing predicate is the claim's outcome (0/1). */
  outcomeMissing: number;
  /** The passage says a known other predicate where the claim's is missing (0/1). */
  otherPredicate: number;
  xPredicate: number;
  xOpposite: number;
  /** Weight share of the claim substituted in aligned slots. */
  substitutedShare: number;
  xSubstituted: number;
  /** Lower half coverage (`balance`). */
  balance: number;
  xHalf: number;
  /** Share of the claim's reason found (1 when it has none). */
  reasonShare: number;
  /** Another reason given (0/1). */
  otherReason: number;
  xReason: number;
  xTime: number;
  xTense: number;
  xScope: number;
  xOtherName: number;
  xDebunk: number;
  /** Strong debunk cue near the passage (0/1). */
  debunkStrong: number;
  debunkWeak: number;
  xQuestion: number;
  /** Chain-message cue anywhere (0/1). */
  chain: number;
  /**
   * Surface measures of claim and passage for the learned combiner (eighth round, `surface.ts`): idf
   * coverage both ways, character n-gram overlap, soft matches, the claim's numbers in the post.
   */
  surface: SurfaceFeatures;
  /** Retrieval score over the claim's score against its own text, in [0, 1]: alike in small and large registries. */
  retrievalShare: number;
  /** The stance model's log-odds that the post passes a claim on rather than debunking or asking (0 without a model). */
  stance: number;
}
