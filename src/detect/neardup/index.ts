/** Near-duplicates, text reuse and campaigns (see docs/campaigns.md). */
export { fastKeyTokens, fastSentences, keyTokens, sentences, type KeyToken, type Span } from './key-tokens.js';
export {
  DEFAULT_SHINGLE_OPTIONS,
  keyText,
  sameSet,
  shingleSet,
  shingleSetOfTokens,
  similarity,
  type ShingleOptions,
  type ShingleSet,
  type Similarity,
} from './shingles.js';
export { MinHasher, MINHASH_SEED, decodeU32, encodeU32, estimateJaccard } from './minhash.js';
export { DEFAULT_LSH_OPTIONS, LshIndex, candidateProbability, type LshOptions } from './lsh-index.js';
export {
  DEFAULT_NEAR_DUP_OPTIONS,
  NearDupIndex,
  maxInWindow,
  type AddResult,
  type Campaign,
  type CampaignMember,
  type NearDupDoc,
  type NearDupMatch,
  type NearDupMeta,
  type NearDupOptions,
  type PreparedText,
} from './near-dup-index.js';
export {
  NEAR_DUPLICATE_DETECTOR,
  campaignScore,
  nearDuplicateFindings,
  type NearDuplicateFinding,
  type NearDuplicateFindingOptions,
} from './findings.js';
export {
  DEFAULT_TEXT_REUSE_OPTIONS,
  ReuseSourceIndex,
  compareWithSource,
  createTextReuseDetector,
  findTextReuse,
  type ReuseSource,
  type ReuseSpan,
  type TextReuse,
  type TextReuseOptions,
} from './text-reuse.js';
