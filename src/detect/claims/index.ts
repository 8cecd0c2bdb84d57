/** Fact-check registry model and claim matching (see docs/claims.md). */
export {
  VERDICTS,
  FACTCHECK_STATUSES,
  HISTORY_ACTIONS,
  factCheckSchema,
  factCheckHistoryEntrySchema,
  simpleFactCheckSchema,
  type Verdict,
  type FactCheckStatus,
  type HistoryAction,
  type FactCheck,
  type FactCheckHistoryEntry,
  type SimpleFactCheck,
  type Passage,
  type ClaimMatch,
  type ClaimMatchFeatures,
  type ClaimFactors,
} from './types.js';
export {
  parseFactChecks,
  verdictFromLabel,
  verdictFromRating,
  claimDedupKey,
  factCheckInternalId,
  mergeFactCheck,
  dedupeFactChecks,
  mergeIntoRegistry,
  assertFactCheck,
  toSimpleJson,
  toClaimReviewJsonLd,
  type ParseOptions,
  type ParseIssue,
  type MergeResult,
  type ClaimReviewExportOptions,
} from './registry.js';
export {
  createClaimMatcher,
  DEFAULT_CLAIM_THRESHOLD,
  type ClaimMatcher,
  type ClaimMatcherOptions,
} from './matcher.js';
export {
  bundledCombiner,
  parseCombiner,
  COMBINER_FEATURES,
  type ClaimCombinerModel,
} from './combiner.js';
export { createClaimDetector, CLAIM_DETECTOR_ID, CLAIM_DETECTOR_VERSION } from './detector.js';
export { evaluateMatcher, parseLabelledPosts, type LabelledPost, type Evaluation, type Prf } from './evaluate.js';
