/**
 * Claim matching: which fact-checked claims a document repeats. Retrieval (BM25 over key syllables and
 * syllable bigrams of the claims) picks candidates; verification aligns each candidate with the best
 * passage (a window of 1–3 sentences) and scores coverage, order, names/places, numbers, negation,
 * debunk and question cues.
 */
import {
  analyze,
  compilePhrases,
  findPhrases,
  indexKeys,
  isContent,
  nameJoins,
  isQuestionSentence,
  negatedTokens,
  negationScope,
  ambiguousNegationScope,
  type Analysis,
  type CueHit,
  type PhraseHit,
  type Tok,
} from './analyze.js';
import {
  CAUSE_MARKERS,
  CONNECTIVE_GROUPS,
  FUTURE_MARKERS,
  NOT_A_PREDICATE,
  OTHER_PREDICATES,
  OUTCOME_GROUPS,
  PARTIAL_SCOPE,
  PAST_MARKERS,
  PREDICATE_CONTRASTS,
  PREDICATE_GROUPS,
  QUALIFIERS,
  TIME_PHRASES,
  UNIVERSAL_SCOPE,
} from './lexicon.js';
import { substitutions, within1, type PredicateSlot, type SlotTok } from './slots.js';
import { bundledStance, STANCE_FILE, stanceScore, type StanceModel } from './stance.js';
import { SURFACE_FEATURES, surfaceFeatures, type SurfaceFeatures } from './surface.js';
import { bundledCombiner, COMBINER_FEATURES, COMBINER_FILE, combinerFeatures, combinerProbability, contributions, type ClaimCombinerModel } from './combiner.js';
import type { ClaimFactors, ClaimMatch, ClaimMatchFeatures, FactCheck, FactCheckStatus } from './types.js';
import type { KeyToken as CoreKeyToken } from '../../text/index.js';

/** Score at or above which a match is reported; chosen on the tune part of the dev set (docs/claims.md). */
export const DEFAULT_CLAIM_THRESHOLD = 0.45;

export interface ClaimMatcherOptions {
  threshold?: number;
  /** Candidates verified per document (default 12). */
  maxCandidates?: number;
  /** Which registry entries can match (default: published only). */
  statuses?: readonly FactCheckStatus[];
  /**
   * What turns the verifier's factors into the score: the learned model (default when
   * `models/claims-combiner.json` ships, or a model passed in) or the hand formula ('hand').
   */
  combiner?: 'hand' | 'model' | ClaimCombinerModel;
  /** The stance model the combiner reads (default: the shipped `models/claims-stance.json`). */
  stance?: StanceModel;
}

export interface ClaimMatcher {
  /** Matches at or above the threshold, best first, one per fact-check. */
  /** `keyTokens`: the text core's keyTokens(text), when the caller has them already. */
  match(text: string, opts?: { threshold?: number; keyTokens?: readonly CoreKeyToken[] }): ClaimMatch[];
  readonly size: number;
  readonly threshold: number;
  /** 'model' when scores are the learned combiner's probabilities, 'hand' for the hand formula. */
  readonly combiner: 'hand' | 'model';
  /** The fact-check behind a reported id (external id or internal id). */
  factCheck(id: string): FactCheck | undefined;
}

interface PreparedClaim {
  fc: FactCheck;
  reportId: string;
  content: Map<string, number>; // key → weight (idf)
  sigs: Map<string, Set<string | null>>; // key → diacritic signatures seen in the claim
  contentOrder: string[];
  /** The claim's retrieval score against its own text. */
  selfRetrieval: number;
  /** Content keys in order, repeats kept. */
  contentSeq: string[];
  totalWeight: number;
  bigrams: Set<string>;
  entities: Set<string>;
  entityJoins: Array<[string, string, string]>; // [joined, a, b] for "Kon Tum" → "kontum"
  anchors: Map<string, number>;
  anchorWeight: number;
  numbers: number[];
  negScope: Set<string>;
  /** Claim terms after "không được" (a prohibition or a passive denial): negated or not, no mismatch. */
  negAmbiguous: Set<string>;
  ownCues: Set<string>;
  /** Predicate phrases of the claim with their meaning groups ("chữa khỏi" → cure). */
  preds: PhraseHit[];
  /** Meaning groups of the claim's predicates that the claim says under a negation. */
  negatedGroups: Set<string>;
  times: Set<string>;
  future: boolean;
  /** The claim speaks of all of its subject ("toàn miền Bắc", "tất cả sổ đỏ"). */
  universal: boolean;
  /** Content keys of the claim's reason ("... vì dịch cúm" → dich, cum). */
  cause: string[];
  /** Content syllables and numbers in order, with predicate groups, for the aligned-slot check. */
  slots: SlotTok[];
  /** Initials of the claim's names of 2–4 syllables ("dl" for Đà Lạt, "vcd" for Vàm Cỏ Đông): not another place. */
  initials: Set<string>;
}

const PRED_TABLE = compilePhrases(Object.entries(PREDICATE_GROUPS).flatMap(([g, ps]) => ps.map((p): [string, string] => [g, p])));
const TIME_TABLE = compilePhrases(TIME_PHRASES.map((p): [string, string] => ['time', p]));
const TENSE_TABLE = compilePhrases([
  ...FUTURE_MARKERS.map((p): [string, string] => ['future', p]),
  ...PAST_MARKERS.map((p): [string, string] => ['past', p]),
]);
const SCOPE_TABLE = compilePhrases([
  ...UNIVERSAL_SCOPE.map((p): [string, string] => ['all', p]),
  ...PARTIAL_SCOPE.map((p): [string, string] => ['some', p]),
]);
/** Meaning group of the verbs that report something else (`OTHER_PREDICATES`); never a claim's. */
const OTHER_PREDICATE = 'other';
const OTHER_PRED_TABLE = compilePhrases(OTHER_PREDICATES.map((p): [string, string] => [OTHER_PREDICATE, p]));
const QUALIFIER_TABLE = compilePhrases(QUALIFIERS.map((p): [string, string] => ['qualifier', p]));
const CAUSE_TABLE = compilePhrases(CAUSE_MARKERS.map((p): [string, string] => ['cause', p]));
const CONTRAST = new Map<string, string[]>();
for (const [x, y] of PREDICATE_CONTRASTS) {
  CONTRAST.set(x, [...(CONTRAST.get(x) ?? []), y]);
  CONTRAST.set(y, [...(CONTRAST.get(y) ?? []), x]);
}

const K1 = 1.2;
/**
 * A substituted claim syllable counts twice its share of the claim against the match (a dropped one
 * counts once, through coverage), down to a floor: × max(0.4, 1 − 2 × substituted share).
 */
const SUBSTITUTION_WEIGHT = 2;
const SUBSTITUTION_FLOOR = 0.4;
const FOLDED_ONLY_CREDIT = 0.35;
/**
 * What is absent costs little, what is replaced a lot (issue #6, fifth round): names/places left out
 * with no other name in the passage × (floor + (1 − floor) × share found), against × (0.6 + 0.4 ×
 * share) and × 0.6 when another name stands there; the claim's reason left out with no other reason
 * given; the claim's predicate said with a word no meaning group knows, against × 0.5 when the passage
 * says a known other one. The index and whole-text bounds use the names floor (the larger factor).
 */
const NAMES_ABSENT_FLOOR = 0.85;
const REASON_ABSENT_FLOOR = 0.85;
const PREDICATE_UNKNOWN_FLOOR = 0.75;
const B = 0.75;

function bigramsOf(keys: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < keys.length; i++) out.push(`${keys[i]}_${keys[i + 1]}`);
  return out;
}

/** The key and each form of it with one letter deleted: two keys within one edit share one of these. */
function deletionVariants(k: string): string[] {
  const out = [k];
  for (let i = 0; i < k.length; i++) out.push(k.slice(0, i) + k.slice(i + 1));
  return out;
}


/** Builds the matcher: analyses every claim and indexes it. */
export function createClaimMatcher(factChecks: readonly FactCheck[], options: ClaimMatcherOptions = {}): ClaimMatcher {
  const statuses = new Set(options.statuses ?? ['published']);
  const model = options.combiner === 'hand' ? null : typeof options.combiner === 'object' ? options.combiner : bundledCombiner();
  if (options.combiner === 'model' && model === null) throw new Error(`claims combiner: models/${COMBINER_FILE} not found`);
  // The post's stance is a feature of the model only; the hand formula uses its cue lists.
  const stance = model === null ? null : options.stance ?? bundledStance();
  if (model !== null && stance === null) throw new Error(`claims stance model: models/${STANCE_FILE} not found`);
  const threshold = options.threshold ?? (model !== null ? model.threshold : DEFAULT_CLAIM_THRESHOLD);
  const maxCandidates = options.maxCandidates ?? 12;
  const usable = factChecks.filter((fc) => statuses.has(fc.status));
  const byReportId = new Map<string, FactCheck>();
  for (const fc of factChecks) {
    byReportId.set(fc.externalId ?? fc.id, fc);
    byReportId.set(fc.id, fc);
  }

  // The index keeps term ids and postings in typed arrays; a claim is analysed in full (PreparedClaim)
  // only when retrieval makes it a candidate, and the last few thousand are kept.
  const nClaims = usable.length;
  const termIds = new Map<string, number>();
  const bigramIds = new Map<number, number>();
  const seqStart = new Int32Array(nClaims + 1);
  let seq = new Int32Array(Math.max(16, nClaims * 16));
  let seqLen = 0;
  // Names/places per claim (term ids) and their two-syllable joins, for the cheap upper bound.
  const entStart = new Int32Array(nClaims + 1);
  const entIds: number[] = [];
  const joinStart = new Int32Array(nClaims + 1);
  // Initials that may stand for a claim's names (a superset of the verifier's): not "another name".
  const initStart = new Int32Array(nClaims + 1);
  const initIds: number[] = [];
  const initialIds = new Map<string, number>();
  // Joins are shared by many claims (the same place names): one table of distinct joins, ids per claim.
  const joinOf: number[] = [];
  const joinIndex = new Map<string, number>();
  const joinText: string[] = [];
  const joinA: string[] = [];
  const joinB: string[] = [];
  const termKeys: string[] = [];
  const internId = (k: string): number => {
    let id = termIds.get(k);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(k, id);
      termKeys.push(k);
    }
    return id;
  };
  for (let ci = 0; ci < nClaims; ci++) {
    seqStart[ci] = seqLen;
    entStart[ci] = entIds.length;
    joinStart[ci] = joinOf.length;
    initStart[ci] = initIds.length;
    const ik = indexKeys((usable[ci] as FactCheck).claim);
    for (const x of ik.initials) {
      let id = initialIds.get(x);
      if (id === undefined) initialIds.set(x, (id = initialIds.size));
      initIds.push(id);
    }
    for (const k of ik.keys) {
      const id = internId(k);
      if (seqLen === seq.length) {
        const grown = new Int32Array(seq.length * 2);
        grown.set(seq);
        seq = grown;
      }
      seq[seqLen++] = id;
    }
    for (const e of ik.entities) entIds.push(internId(e));
    for (const [j, x, y] of ik.entityJoins) {
      const id3 = `${j}\u0000${x}\u0000${y}`;
      let u = joinIndex.get(id3);
      if (u === undefined) {
        u = joinText.length;
        joinIndex.set(id3, u);
        joinText.push(j);
        joinA.push(x);
        joinB.push(y);
      }
      joinOf.push(u);
    }
  }
  seqStart[nClaims] = seqLen;
  entStart[nClaims] = entIds.length;
  joinStart[nClaims] = joinOf.length;
  initStart[nClaims] = initIds.length;
  const initOf = Int32Array.from(initIds);
  initIds.length = 0;
  joinIndex.clear();
  const nUni = termIds.size;
  // Bigram ids follow the unigram ids; a bigram is keyed by its two unigram ids.
  const bigramKey = (x: number, y: number): number => x * 0x400000 + y;
  for (let ci = 0; ci < nClaims; ci++) {
    for (let j = (seqStart[ci] as number) + 1; j < (seqStart[ci + 1] as number); j++) {
      const key = bigramKey(seq[j - 1] as number, seq[j] as number);
      if (!bigramIds.has(key)) bigramIds.set(key, nUni + bigramIds.size);
    }
  }
  const nTerms = nUni + bigramIds.size;
  const termsOf = (ci: number, out: number[]): number[] => {
    out.length = 0;
    const from = seqStart[ci] as number;
    const to = seqStart[ci + 1] as number;
    for (let j = from; j < to; j++) out.push(seq[j] as number);
    for (let j = from + 1; j < to; j++) out.push(bigramIds.get(bigramKey(seq[j - 1] as number, seq[j] as number)) as number);
    return out;
  };
  // Postings in CSR form: count, then fill. Claims are short, so term frequencies come from a sort.
  const postStart = new Int32Array(nTerms + 1);
  const docLen = new Float32Array(nClaims);
  const scratch: number[] = [];
  const forEachTf = (terms: number[], f: (term: number, tf: number) => void): void => {
    terms.sort((x, y) => x - y);
    for (let j = 0; j < terms.length; ) {
      let e = j + 1;
      while (e < terms.length && terms[e] === terms[j]) e++;
      f(terms[j] as number, e - j);
      j = e;
    }
  };
  for (let ci = 0; ci < nClaims; ci++) {
    const terms = termsOf(ci, scratch);
    docLen[ci] = terms.length;
    forEachTf(terms, (t) => {
      postStart[t + 1] = (postStart[t + 1] as number) + 1;
    });
  }
  for (let t = 0; t < nTerms; t++) postStart[t + 1] = (postStart[t + 1] as number) + (postStart[t] as number);
  const postDoc = new Int32Array(postStart[nTerms] as number);
  const postTf = new Uint8Array(postStart[nTerms] as number);
  const fill = postStart.slice(0, nTerms);
  for (let ci = 0; ci < nClaims; ci++) {
    forEachTf(termsOf(ci, scratch), (t, f) => {
      const at = fill[t] as number;
      postDoc[at] = ci;
      postTf[at] = Math.min(255, f);
      fill[t] = at + 1;
    });
  }
  const df = (t: number): number => (postStart[t + 1] as number) - (postStart[t] as number);
  const n = Math.max(1, nClaims);
  const idf = (k: string): number => {
    const id = termIds.get(k);
    const d = id === undefined ? 0 : df(id);
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  const uniW = new Float64Array(nUni);
  for (let t = 0; t < nUni; t++) {
    const d = df(t);
    uniW[t] = Math.log(1 + (n - d + 0.5) / (d + 0.5));
  }
  let avgLen = 0;
  for (const l of docLen) avgLen += l;
  avgLen = nClaims > 0 ? avgLen / nClaims : 1;
  // Terms found in a large share of a big registry add little to BM25 but cost most of the time;
  // verification still sees them.
  const maxPostings = Math.max(2000, Math.floor(nClaims * 0.02));
  const acc = new Float64Array(nClaims);
  // BM25's length normalisation per claim, computed as the per-posting formula did (same bits).
  const normK = new Float64Array(nClaims);
  for (let ci = 0; ci < nClaims; ci++) normK[ci] = K1 * (1 - B + (B * (docLen[ci] as number)) / avgLen);
  // Each posting's BM25 contribution, computed once with the query-time expression (same bits), so
  // retrieval only adds. Terms over the posting limit are never summed and keep none.
  const postScore = new Float64Array(postDoc.length);
  for (let t = 0; t < nTerms; t++) {
    const from = postStart[t] as number;
    const to = postStart[t + 1] as number;
    const d = to - from;
    if (d > maxPostings) continue;
    const w = Math.log(1 + (nClaims - d + 0.5) / (d + 0.5));
    for (let j = from; j < to; j++) {
      const f = postTf[j] as number;
      postScore[j] = (w * f * (K1 + 1)) / (f + (normK[postDoc[j] as number] as number));
    }
  }
  // Each claim's retrieval score against its own text: what a post saying every claim term scores, so
  // `retrievalShare` reads alike in a registry of 40 claims and of 50,000.
  const selfRetrieval = new Float64Array(nClaims);
  for (let j = 0; j < postDoc.length; j++) selfRetrieval[postDoc[j] as number] = (selfRetrieval[postDoc[j] as number] as number) + (postScore[j] as number);
  const prepared = new Map<number, PreparedClaim>();
  const preparedAt = (ci: number): PreparedClaim => {
    let c = prepared.get(ci);
    if (c === undefined) {
      const fc = usable[ci] as FactCheck;
      c = prepareClaim(fc, analyze(fc.claim), idf, maxIdf, selfRetrieval[ci] as number);
      if (prepared.size >= 4096) prepared.clear();
      prepared.set(ci, c);
    }
    return c;
  };


  const isEntityOf = (ci: number, id: number): boolean => {
    for (let j = entStart[ci] as number; j < (entStart[ci + 1] as number); j++) if (entIds[j] === id) return true;
    return false;
  };
  // For the score bounds: each claim's distinct keys (first-occurrence order) and distinct bigrams,
  // the weight of each half, and per term the largest share of a claim's weight it can carry.
  const uniqStart = new Int32Array(nClaims + 1);
  const uniqIds = new Int32Array(seqLen);
  const halfAt = new Int32Array(nClaims);
  const weightA = new Float64Array(nClaims);
  const weightB = new Float64Array(nClaims);
  const biStart = new Int32Array(nClaims + 1);
  const biIds = new Int32Array(Math.max(0, seqLen - 1) + nClaims);
  const maxShare = new Float64Array(nTerms);
  // Distinctive terms (anchors: names/places plus the two rarest other keys). Ties with the second
  // rarest all count as possible anchors; the anchor weight does not depend on which tie was taken.
  const anchorStart = new Int32Array(nClaims + 1);
  const anchorIds: number[] = [];
  const anchorWeight = new Float64Array(nClaims);
  const maxAnchorShare = new Float64Array(nUni);
  {
    const seen = new Int32Array(nTerms).fill(-1);
    let u = 0;
    let bcount = 0;
    for (let ci = 0; ci < nClaims; ci++) {
      uniqStart[ci] = u;
      biStart[ci] = bcount;
      const from = seqStart[ci] as number;
      const to = seqStart[ci + 1] as number;
      for (let j = from; j < to; j++) {
        const id = seq[j] as number;
        if (seen[id] === ci) continue;
        seen[id] = ci;
        uniqIds[u++] = id;
      }
      for (let j = from + 1; j < to; j++) {
        const id = bigramIds.get(bigramKey(seq[j - 1] as number, seq[j] as number)) as number;
        if (seen[id] === ci) continue;
        seen[id] = ci;
        biIds[bcount++] = id;
      }
      const nu = u - (uniqStart[ci] as number);
      const half = Math.ceil(nu / 2);
      halfAt[ci] = (uniqStart[ci] as number) + half;
      let wa = 0;
      let wb = 0;
      for (let j = uniqStart[ci] as number; j < u; j++) {
        if (j < (halfAt[ci] as number)) wa += uniW[uniqIds[j] as number] as number;
        else wb += uniW[uniqIds[j] as number] as number;
      }
      weightA[ci] = wa;
      weightB[ci] = wb;
      const total = wa + wb || 1;
      for (let j = uniqStart[ci] as number; j < u; j++) {
        const id = uniqIds[j] as number;
        maxShare[id] = Math.max(maxShare[id] as number, (uniW[id] as number) / total);
      }
      anchorStart[ci] = anchorIds.length;
      let aw = 0;
      for (let j = entStart[ci] as number; j < (entStart[ci + 1] as number); j++) {
        anchorIds.push(entIds[j] as number);
        aw += uniW[entIds[j] as number] as number;
      }
      let w1 = -1;
      let w2 = -1;
      for (let j = uniqStart[ci] as number; j < u; j++) {
        const id = uniqIds[j] as number;
        if (isEntityOf(ci, id)) continue;
        const w = uniW[id] as number;
        if (w > w1) {
          w2 = w1;
          w1 = w;
        } else if (w > w2) w2 = w;
      }
      aw += (w1 > 0 ? w1 : 0) + (w2 > 0 ? w2 : 0);
      for (let j = uniqStart[ci] as number; j < u; j++) {
        const id = uniqIds[j] as number;
        if (!isEntityOf(ci, id) && (uniW[id] as number) >= w2) anchorIds.push(id);
      }
      anchorWeight[ci] = aw || 1;
      for (let j = anchorStart[ci] as number; j < anchorIds.length; j++) {
        const id = anchorIds[j] as number;
        maxAnchorShare[id] = Math.max(maxAnchorShare[id] as number, (uniW[id] as number) / (aw || 1));
      }
      const nb = bcount - (biStart[ci] as number);
      for (let j = biStart[ci] as number; j < bcount; j++) {
        const id = biIds[j] as number;
        maxShare[id] = Math.max(maxShare[id] as number, 1 / nb);
      }
    }
    uniqStart[nClaims] = u;
    biStart[nClaims] = bcount;
    anchorStart[nClaims] = anchorIds.length;
  }
  // Names/places of the whole registry by their one-deletion variants, and joined names, so a
  // document can tell which of them it may credit by spelling without looking at any claim.
  const entityByVariant = new Map<string, number[]>();
  const entityByJoin = new Map<string, number[]>();
  {
    const done = new Set<number>();
    for (const e of entIds) {
      if (done.has(e)) continue;
      done.add(e);
      const k = termKeys[e] as string;
      if (k.length < 3) continue;
      for (const v of deletionVariants(k)) {
        const list = entityByVariant.get(v);
        if (list === undefined) entityByVariant.set(v, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
    for (let j = 0; j < joinText.length; j++) {
      const ids = [termIds.get(joinA[j] as string), termIds.get(joinB[j] as string)].filter((x): x is number => x !== undefined && x < nUni);
      const list = entityByJoin.get(joinText[j] as string) ?? [];
      for (const id of ids) if (!list.includes(id)) list.push(id);
      entityByJoin.set(joinText[j] as string, list);
    }
  }

  /**
   * An upper bound of every claim's final score for this document: each claim term the document has
   * (or may have by spelling) carries at most its largest share of a claim, each bigram its largest
   * share; distinctive terms count in full; only the chain bonus raises. Below the threshold, no claim
   * can match and retrieval is skipped.
   */
  function documentBound(terms: readonly number[], doc: DocContext): number {
    let cov = 0;
    let bi = 0;
    let anc = 0;
    for (const id of terms) {
      if (id < nUni) {
        cov += maxShare[id] as number;
        anc += maxAnchorShare[id] as number;
      } else bi += maxShare[id] as number;
    }
    for (const p of doc.keySet) {
      const joined = entityByJoin.get(p);
      if (joined !== undefined) {
        for (const e of joined) {
          if (docHasTerm[e] === 1) continue;
          cov += maxShare[e] as number;
          anc += maxAnchorShare[e] as number;
        }
      }
      if (p.length < 3) continue;
      for (const v of deletionVariants(p)) {
        const list = entityByVariant.get(v);
        if (list === undefined) continue;
        for (const e of list) {
          const k = termKeys[e] as string;
          if (docHasTerm[e] === 0 && k[0] === p[0] && within1(p, k)) {
            cov += maxShare[e] as number;
            anc += maxAnchorShare[e] as number;
          }
        }
      }
    }
    cov = Math.min(1, cov);
    anc = Math.min(1, anc);
    // A claim without bigrams scores its coverage as its bigram share.
    bi = Math.max(Math.min(1, bi), cov);
    const score = 0.35 * cov + 0.2 * bi + 0.2 * anc + 0.15 * cov + 0.1 * cov;
    return doc.hasChain ? Math.min(1, score * 1.1 + 0.02) : score;
  }

  // Per-document scratch, reset after each document: which unigram / bigram term ids occur.
  const docHasTerm = new Uint8Array(nTerms);
  // Per-candidate stamps (no clearing between candidates).
  const fuzzyStamp = new Int32Array(nUni);
  let stamp = 0;

  /** Distinct term ids of the document (unigrams in order, then bigrams), as retrieval has always summed them. */
  function docTerms(contentKeysOfDoc: readonly string[]): number[] {
    const ids: number[] = [];
    const keys = contentKeysOfDoc.map((k) => termIds.get(k) ?? -1);
    for (const id of keys) if (id >= 0) ids.push(id);
    for (let j = 1; j < keys.length; j++) {
      const x = keys[j - 1] as number;
      const y = keys[j] as number;
      if (x < 0 || y < 0) continue;
      const id = bigramIds.get(bigramKey(x, y));
      if (id !== undefined) ids.push(id);
    }
    const out: number[] = [];
    for (const id of ids) {
      if (docHasTerm[id] === 1) continue;
      docHasTerm[id] = 1;
      out.push(id);
    }
    return out;
  }

  function retrieve(terms: readonly number[]): Array<{ ci: number; score: number }> {
    const touched: number[] = [];
    for (const id of terms) {
      const from = postStart[id] as number;
      const to = postStart[id + 1] as number;
      if (to - from > maxPostings) continue;
      for (let j = from; j < to; j++) {
        const ci = postDoc[j] as number;
        if (acc[ci] === 0) touched.push(ci);
        acc[ci] = (acc[ci] as number) + (postScore[j] as number);
      }
    }
    // Top-k by insertion into a short sorted list (touched can be tens of thousands long).
    const top: Array<{ ci: number; score: number }> = [];
    for (const ci of touched) {
      const score = acc[ci] as number;
      acc[ci] = 0;
      const last = top[top.length - 1];
      if (top.length >= maxCandidates && last !== undefined && !betterCand(score, ci, last)) continue;
      let i = top.length;
      while (i > 0 && betterCand(score, ci, top[i - 1] as { ci: number; score: number })) i--;
      top.splice(i, 0, { ci, score });
      if (top.length > maxCandidates) top.pop();
    }
    return top;
  }

  /** Whether a one-sentence document has a capitalised word that is neither a key of claim ci nor initials of its names. */
  function otherNameInSingle(ci: number, doc: DocContext): boolean {
    const caps = doc.singleSentenceCaps;
    if (caps === null) return false;
    const uFrom = uniqStart[ci] as number;
    const uTo = uniqStart[ci + 1] as number;
    for (const k of caps) {
      const id = termIds.get(k);
      let own = false;
      if (id !== undefined) for (let j = uFrom; j < uTo && !own; j++) own = uniqIds[j] === id;
      const ini = initialIds.get(k);
      if (ini !== undefined) for (let j = initStart[ci] as number; j < (initStart[ci + 1] as number) && !own; j++) own = initOf[j] === ini;
      if (!own) return true;
    }
    return false;
  }

  /**
   * An upper bound of the verifier's final score for claim ci, from the index alone (no claim
   * analysis): every claim term the document has counts in full, a name/place the document may have
   * spelt otherwise counts 0.9, distinctive terms count in full, and only the chain-cue bonus raises.
   */
  function indexBound(ci: number, doc: DocContext): number {
    if (stamp >= 0x7ffffff0) {
      fuzzyStamp.fill(0);
      stamp = 0;
    }
    const fz = ++stamp;
    const eFrom = entStart[ci] as number;
    const eTo = entStart[ci + 1] as number;
    // Names/places that may be credited without being present: joined or one letter off.
    for (let j = eFrom; j < eTo; j++) {
      const e = entIds[j] as number;
      if (docHasTerm[e] === 0 && doc.fuzzyPossible(termKeys[e] as string)) fuzzyStamp[e] = fz;
    }
    for (let j = joinStart[ci] as number; j < (joinStart[ci + 1] as number); j++) {
      const u = joinOf[j] as number;
      if (!doc.keySet.has(joinText[u] as string)) continue;
      const x = termIds.get(joinA[u] as string);
      const y = termIds.get(joinB[u] as string);
      if (x !== undefined && x < nUni) fuzzyStamp[x] = fz;
      if (y !== undefined && y < nUni) fuzzyStamp[y] = fz;
    }
    const uFrom = uniqStart[ci] as number;
    const uHalf = halfAt[ci] as number;
    const uTo = uniqStart[ci + 1] as number;
    let gotA = 0;
    let gotB = 0;
    for (let j = uFrom; j < uTo; j++) {
      const id = uniqIds[j] as number;
      const cr = docHasTerm[id] === 1 ? 1 : fuzzyStamp[id] === fz ? 0.9 : 0;
      if (cr === 0) continue;
      if (j < uHalf) gotA += (uniW[id] as number) * cr;
      else gotB += (uniW[id] as number) * cr;
    }
    const allA = weightA[ci] as number;
    const allB = weightB[ci] as number;
    const coverage = (gotA + gotB) / (allA + allB || 1);
    const balance = Math.min(allA > 0 ? gotA / allA : 0, allB > 0 ? gotB / allB : 0);
    const bFrom = biStart[ci] as number;
    const bTo = biStart[ci + 1] as number;
    let hitBi = 0;
    for (let j = bFrom; j < bTo; j++) hitBi += docHasTerm[biIds[j] as number] as number;
    const bigrams = bTo > bFrom ? hitBi / (bTo - bFrom) : coverage;
    let anc = 0;
    for (let j = anchorStart[ci] as number; j < (anchorStart[ci + 1] as number); j++) {
      const id = anchorIds[j] as number;
      anc += (uniW[id] as number) * (docHasTerm[id] === 1 ? 1 : fuzzyStamp[id] === fz ? 0.9 : 0);
    }
    const anchors = Math.min(1, anc / (anchorWeight[ci] as number));
    let score = 0.35 * coverage + 0.2 * bigrams + 0.2 * anchors + 0.15 * balance + 0.1 * coverage;
    if (eTo > eFrom) {
      let ent = 0;
      let zero = false;
      for (let j = eFrom; j < eTo; j++) {
        const id = entIds[j] as number;
        const cr = docHasTerm[id] === 1 ? 1 : fuzzyStamp[id] === fz ? 0.9 : 0;
        ent += cr;
        if (cr === 0) zero = true;
      }
      const share = ent / (eTo - eFrom);
      // A one-sentence document with another name than the claim's: the verifier's replaced-name
      // factors apply to every window (the sentence is the only one).
      score *= otherNameInSingle(ci, doc) ? (0.6 + 0.4 * share) * (zero ? 0.6 : 1) : NAMES_ABSENT_FLOOR + (1 - NAMES_ABSENT_FLOOR) * share;
    }
    return doc.hasChain ? Math.min(1, score * 1.1 + 0.02) : score;
  }

  return {
    size: nClaims,
    threshold,
    combiner: model !== null ? 'model' : 'hand',
    factCheck: (id) => byReportId.get(id),
    match(text, opts = {}) {
      const wanted = opts.threshold ?? threshold;
      // The model scores only candidates whose hand score reaches its gate (`handFloor`), so the bounds,
      // which bound the hand score, prune on the gate and drop nothing the model could report.
      const th = model === null ? wanted : model.handFloor;
      if (typeof text !== 'string' || text.trim() === '' || nClaims === 0) return [];
      const doc = analyze(text, opts.keyTokens);
      const ctx = new DocContext(doc, idf, maxIdf, stance);
      const terms = docTerms(ctx.contentKeys);
      const out: ClaimMatch[] = [];
      try {
        // Scores are reported rounded to 3 decimals; the margin keeps float noise on the safe side.
        if (documentBound(terms, ctx) < th - BOUND_MARGIN) return [];
        // The model's retrieval gate: a claim whose retrieval share is below it is never verified.
        const floor = model === null ? 0 : model.retrievalFloor;
        for (const cand of retrieve(terms)) {
          if (floor > 0 && cand.score < floor * (selfRetrieval[cand.ci] as number)) continue;
          if (indexBound(cand.ci, ctx) < th - BOUND_MARGIN) continue;
          const c = preparedAt(cand.ci);
          const m = verify(c, ctx, cand.score, th);
          if (m === null || m.score < th) continue;
          // Surface measures only for what is reported (or rescored): never for a candidate dropped here.
          m.factors.surface = ctx.surfaceOf(c, m.passage.start, m.passage.end);
          out.push(m);
        }
      } finally {
        for (const id of terms) docHasTerm[id] = 0;
      }
      if (model !== null) return rescore(model, out, wanted);
      out.sort((a, b) => b.score - a.score || a.factCheckId.localeCompare(b.factCheckId));
      return out;
    },
  };
}

/**
 * The model's probability as the score of each candidate at or above the hand floor, with the factors
 * that moved it most in the explanation; those at or above `threshold`, best first.
 */
function rescore(model: ClaimCombinerModel, cands: readonly ClaimMatch[], threshold: number): ClaimMatch[] {
  const bestHand = cands.reduce((b, m) => Math.max(b, m.factors.hand), 0);
  const out: ClaimMatch[] = [];
  for (const m of cands) {
    const rank = cands.filter((o) => o.factors.hand > m.factors.hand).length;
    const x = combinerFeatures(m, rank, bestHand);
    // A hand factor the labelled parts never exercised cannot be weighed by the model: it is applied to
    // the probability as the hand formula applies it (the claim speaks of all of something, the post of
    // a part: × 0.45; no labelled candidate at the gate has it).
    const p = Math.round(combinerProbability(model, x) * m.factors.xScope * 1000) / 1000;
    if (p < threshold) continue;
    const moved = contributions(model, x)
      .map((v, i) => ({ v, name: COMBINER_FEATURES[i] as string }))
      .sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.name.localeCompare(b.name))
      .slice(0, 3)
      .map((c) => `${c.name} ${c.v >= 0 ? '+' : '−'}${Math.abs(c.v).toFixed(2)}`);
    const explanation = `${m.explanation.slice(0, -1)}; model probability ${p.toFixed(3)} (hand formula ${m.factors.hand.toFixed(3)}), moved most by ${moved.join(', ')}.`;
    out.push({ ...m, score: p, explanation });
  }
  out.sort((a, b) => b.score - a.score || a.factCheckId.localeCompare(b.factCheckId));
  return out;
}

// Rounding to 3 decimals can lift a score by 0.0005; the bound must stay above what is reported.
const BOUND_MARGIN = 0.001;

function betterCand(score: number, ci: number, y: { ci: number; score: number }): boolean {
  return score > y.score || (score === y.score && ci < y.ci);
}

interface WindowData {
  /** Content keys of the window in order. */
  keys: string[];
  /** Content key → diacritic signatures of its occurrences in the window. */
  present: Map<string, Array<string | null>>;
  bigrams: Set<string>;
  /** First position of each key in `keys`. */
  pos: Map<string, number>;
}

/** A document analysed once, with what every candidate's verification shares: windows, key sets, cues. */
class DocContext {
  readonly contentKeys: string[] = [];
  readonly keySet: Set<string>;
  readonly hasChain: boolean;
  /** Capitalised content words (not a sentence's first) of a one-sentence document; null otherwise. */
  readonly singleSentenceCaps: string[] | null = null;
  private readonly windows = new Map<number, WindowData>();
  private predGroupsCache: Set<string> | null = null;
  private readonly fuzzy = new Map<string, boolean>();
  private allChainCache: string[] | null = null;
  private docNumbers: number[] | null = null;
  private stanceValue: number | null = null;
  constructor(
    readonly a: Analysis,
    private readonly idf: (key: string) => number,
    private readonly maxIdf: number,
    private readonly stanceModel: StanceModel | null,
  ) {
    for (const t of a.toks) if (isContent(t)) this.contentKeys.push(t.key);
    this.keySet = new Set(this.contentKeys);
    this.hasChain = a.cues.some((h) => h.kind === 'chain');
    const nonEmpty = a.sentences.filter((s) => s.firstTok >= 0);
    if (nonEmpty.length === 1) {
      const s = nonEmpty[0] as Analysis['sentences'][number];
      const caps = new Set<string>();
      for (let i = s.firstTok + 1; i < s.endTok; i++) {
        const t = a.toks[i] as Tok;
        if (t.capital && isContent(t)) caps.add(t.key);
      }
      this.singleSentenceCaps = [...caps];
    }
  }

  /** Meaning groups of the predicates anywhere in the text (names' syllables excluded), computed once. */
  predGroups(): Set<string> {
    if (this.predGroupsCache === null) {
      const hits = findPhrases(this.a, 0, this.a.toks.length, PRED_TABLE).filter((h) => !isNameAt(this.a, h.tok));
      this.predGroupsCache = new Set(hits.flatMap((h) => h.labels));
    }
    return this.predGroupsCache;
  }

  /** Whether a name/place key (absent from the text) is one letter off a key of the text. */
  fuzzyPossible(e: string): boolean {
    if (e.length < 3) return false;
    let hit = this.fuzzy.get(e);
    if (hit === undefined) {
      hit = false;
      for (const p of this.keySet) {
        if (p.length >= 3 && p[0] === e[0] && within1(p, e)) {
          hit = true;
          break;
        }
      }
      this.fuzzy.set(e, hit);
    }
    return hit;
  }

  /** Content keys, signatures, bigrams and first positions of toks[first, end), computed once per range. */
  window(first: number, end: number): WindowData {
    const id = first * 0x100000 + end;
    let w = this.windows.get(id);
    if (w !== undefined) return w;
    const keys: string[] = [];
    const present = new Map<string, Array<string | null>>();
    const toks = this.a.toks;
    for (let i = first; i < end; i++) {
      const t = toks[i];
      if (t === undefined || !isContent(t)) continue;
      keys.push(t.key);
      const list = present.get(t.key);
      if (list === undefined) present.set(t.key, [t.sig]);
      else list.push(t.sig);
    }
    const bigrams = new Set<string>();
    for (let i = 0; i + 1 < keys.length; i++) bigrams.add(`${keys[i]}_${keys[i + 1]}`);
    const pos = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!pos.has(k)) pos.set(k, i);
    }
    w = { keys, present, bigrams, pos };
    this.windows.set(id, w);
    return w;
  }

  /** The stance model's log-odds for the whole post (0 without a model), computed when a candidate first needs it. */
  get stance(): number {
    this.stanceValue ??= this.stanceModel === null ? 0 : stanceScore(this.stanceModel, this.a);
    return this.stanceValue;
  }

  /** Surface measures of a claim against the passage at [start, end) of the text (`surface.ts`). */
  surfaceOf(c: PreparedClaim, start: number, end: number): SurfaceFeatures {
    const passageKeys: string[] = [];
    const passageNumbers: number[] = [];
    for (const t of this.a.toks) {
      if (t.start < start || t.end > end) continue;
      if (t.num !== null) passageNumbers.push(t.num);
      else if (isContent(t)) passageKeys.push(t.key);
    }
    this.docNumbers ??= this.a.toks.flatMap((t) => (t.num === null ? [] : [t.num]));
    return surfaceFeatures(
      { claimKeys: c.contentSeq, claimNumbers: c.numbers, passageKeys, passageNumbers, docKeys: this.contentKeys, docNumbers: this.docNumbers },
      this.idf,
      this.maxIdf,
    );
  }

  /** Distinct chain cues of the whole text, in order. */
  allChain(): string[] {
    if (this.allChainCache === null) this.allChainCache = [...new Set(this.a.cues.filter((h) => h.kind === 'chain').map((h) => h.phrase))];
    return this.allChainCache;
  }
}

function prepareClaim(
  fc: FactCheck,
  a: Analysis,
  idf: (k: string) => number,
  maxIdf: number,
  selfRetrieval: number,
): PreparedClaim {
  const contentToks = a.toks.filter(isContent);
  const content = new Map<string, number>();
  const contentOrder: string[] = [];
  const sigs = new Map<string, Set<string | null>>();
  for (const t of contentToks) {
    if (!content.has(t.key)) contentOrder.push(t.key);
    content.set(t.key, idf(t.key));
    const set = sigs.get(t.key) ?? new Set<string | null>();
    set.add(t.sig);
    sigs.set(t.key, set);
  }
  // Names and places: capitalised syllables, except a sentence's first word unless a name continues.
  const entities = new Set<string>();
  const entityJoins: Array<[string, string, string]> = [];
  a.toks.forEach((t, i) => {
    if (!t.capital) return;
    const nx = a.toks[i + 1];
    const nextCap = nx?.capital === true && nx.sentence === t.sentence;
    // A name whose first syllable is a function word elsewhere ("Cần Thơ"): only its joins count.
    if (!isContent(t)) {
      if (nextCap && nx !== undefined && isContent(nx)) for (const j of nameJoins(t.key, nx.key)) entityJoins.push([j, t.key, nx.key]);
      return;
    }
    const sen = a.sentences[t.sentence];
    const first = sen !== undefined && sen.firstTok === i;
    if (first && !nextCap) return;
    entities.add(t.key);
    if (nextCap && nx !== undefined) for (const j of nameJoins(t.key, nx.key)) entityJoins.push([j, t.key, nx.key]);
  });
  // Anchors: names/places plus the two rarest other terms (what separates this claim from its topic).
  const anchors = new Map<string, number>();
  for (const e of entities) anchors.set(e, content.get(e) ?? maxIdf);
  const rare = [...content.entries()].filter(([k]) => !entities.has(k)).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  for (const [k, w] of rare.slice(0, 2)) anchors.set(k, w);
  const numbers = a.toks.filter((t) => t.num !== null).map((t) => t.num as number);
  const contentSet = new Set(content.keys());
  const end = a.toks.length;
  const seen = new Set<string>();
  // The reason runs from a cause marker to the next clause break.
  const cause: string[] = [];
  const inReason = new Set<number>();
  let firstReason = end;
  for (const h of findPhrases(a, 0, end, CAUSE_TABLE)) {
    firstReason = Math.min(firstReason, h.tok);
    for (let j = h.tok + h.len; j < end; j++) {
      const t = a.toks[j] as Tok;
      const before = a.toks[j - 1] as Tok;
      if (t.sentence !== before.sentence || /[,:;–—]/.test(a.raw.slice(before.end, t.start))) break;
      inReason.add(j);
      if (isContent(t) && !cause.includes(t.key)) cause.push(t.key);
    }
  }
  const allPreds = findPhrases(a, 0, end, PRED_TABLE).filter((h) => !h.labels.includes(NOT_A_PREDICATE) && !isNameAt(a, h.tok));
  // What happens in the claim's reason ("… bị hủy vì sạt lở núi") is the reason check's, once: not a
  // predicate too, when the claim says something happens before it.
  const beforeReason = allPreds.some((h) => h.tok < firstReason);
  const preds = allPreds.filter(
    (h) => !(beforeReason && inReason.has(h.tok)) && !seen.has(h.phrase) && seen.add(h.phrase) !== undefined,
  );
  const predToks = new Set<number>();
  for (const h of preds) for (let i = h.tok; i < h.tok + h.len; i++) predToks.add(i);
  // Meaning groups the claim itself says under a negation ("… không cho phép lên trang cá nhân"): a
  // post saying them negated too repeats the claim, it does not deny it.
  const claimUnder = negatedTokens(a, 0, end);
  const negatedGroups = new Set(preds.filter((h) => claimUnder.has(h.tok)).flatMap((h) => h.labels));
  return {
    preds,
    negatedGroups,
    slots: slotToks(a, 0, end, undefined, predToks),
    initials: nameInitials(a),
    times: new Set(findPhrases(a, 0, end, TIME_TABLE).map((h) => h.phrase)),
    future: findPhrases(a, 0, end, TENSE_TABLE).some((h) => h.labels.includes('future')),
    universal: findPhrases(a, 0, end, SCOPE_TABLE).some((h) => h.labels.includes('all')),
    cause,
    fc,
    reportId: fc.externalId ?? fc.id,
    content,
    sigs,
    contentOrder,
    contentSeq: contentToks.map((t) => t.key),
    selfRetrieval,
    totalWeight: [...content.values()].reduce((s, w) => s + w, 0) || 1,
    bigrams: new Set(bigramsOf(contentToks.map((t) => t.key))),
    entities,
    entityJoins,
    anchors,
    anchorWeight: [...anchors.values()].reduce((s, w) => s + w, 0) || 1,
    numbers,
    negScope: negationScope(a, 0, a.toks.length, contentSet),
    negAmbiguous: ambiguousNegationScope(a, contentSet),
    ownCues: new Set(a.cues.map((h) => h.phrase)),
  };
}

/** The claim's predicate phrases a text with these meaning groups does not say ("gây" excused once the outcome is found). */
function missingPredicates(c: PreparedClaim, groups: ReadonlySet<string>): PhraseHit[] {
  const found = (h: PhraseHit): boolean => h.labels.some((g) => groups.has(g));
  // "gây" / "khiến" link the claim's subject to its outcome: with the outcome found, they may be said otherwise.
  const anyFound = c.preds.some((h) => found(h) && !h.labels.every((g) => CONNECTIVE_GROUPS.has(g)));
  return c.preds.filter((h) => !found(h) && !(anyFound && h.labels.every((g) => CONNECTIVE_GROUPS.has(g))));
}

/** The largest predicate factor for `missing` of the claim's predicates, whatever stands in their slot. */
function predicateUpper(c: PreparedClaim, missing: number): number {
  if (missing === 0) return 1;
  const p = 1 - missing / c.preds.length;
  return p === 0 ? Math.max(0.5, PREDICATE_UNKNOWN_FLOOR) : Math.max(0.85 + 0.15 * p, PREDICATE_UNKNOWN_FLOOR + (1 - PREDICATE_UNKNOWN_FLOOR) * p);
}

/** Capitalised words of sentences [from, to) that are not the claim's, nor initials of its names ("ĐL", "VCĐ"). */
function otherNamesIn(c: PreparedClaim, doc: Analysis, from: number, to: number): string[] {
  const out: string[] = [];
  for (let si = from; si < to; si++) {
    const s = doc.sentences[si] as Analysis['sentences'][number];
    for (let i = s.firstTok + 1; i > 0 && i < s.endTok; i++) {
      const t = doc.toks[i] as Tok;
      if (t.capital && isContent(t) && !c.content.has(t.key) && !c.initials.has(t.key)) out.push(t.key);
    }
  }
  return out;
}

/** Share of the claim's weight a sentence must hold to carry the claim (not only its context). */
const CARRYING_SHARE = 0.3;

/** Sentences of [from, to) holding at least CARRYING_SHARE of the claim's weight (the best one always). */
function claimSentences(c: PreparedClaim, doc: Analysis, from: number, to: number): Set<number> {
  const shares: number[] = [];
  for (let si = from; si < to; si++) {
    const s = doc.sentences[si] as Analysis['sentences'][number];
    const seen = new Set<string>();
    let w = 0;
    for (let i = s.firstTok; i >= 0 && i < s.endTok; i++) {
      const k = (doc.toks[i] as Tok).key;
      if (seen.has(k)) continue;
      seen.add(k);
      w += c.content.get(k) ?? 0;
    }
    shares.push(w / c.totalWeight);
  }
  const top = Math.max(...shares);
  const out = new Set<number>();
  shares.forEach((x, i) => {
    if (x >= CARRYING_SHARE || x === top) out.add(from + i);
  });
  return out;
}

/** Initials of every run of 2–4 title-case syllables of the claim ("Vàm Cỏ Đông" → vcd, vc, cd). */
function nameInitials(a: Analysis): Set<string> {
  const out = new Set<string>();
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i++) {
      for (let j = i + 2; j <= Math.min(run.length, i + 4); j++) out.add(run.slice(i, j).map((k) => k[0] ?? '').join(''));
    }
    run = [];
  };
  a.toks.forEach((t, i) => {
    const prev = a.toks[i - 1];
    if (prev !== undefined && (prev.sentence !== t.sentence || !prev.capital)) flush();
    if (t.capital && t.num === null) run.push(t.key);
    else flush();
  });
  flush();
  return out;
}

/**
 * A syllable of a name ("Hạ" of "Hạ Long" is no decrease): written in title case, and not a sentence's
 * lone first word. Text in capitals has no names to tell.
 */
function isNameAt(a: Analysis, i: number): boolean {
  const t = a.toks[i];
  if (t === undefined || !t.capital) return false;
  const raw = a.raw.slice(t.start, t.end);
  if (raw.length < 2 || raw.slice(1) === raw.slice(1).toUpperCase()) return false;
  const first = a.sentences[t.sentence]?.firstTok === i;
  const next = a.toks[i + 1];
  return !first || (next !== undefined && next.capital && next.sentence === t.sentence);
}

/** Content syllables and numbers of toks[from, to) with the meaning groups of the predicates they belong to. */
function slotToks(a: Analysis, from: number, to: number, hits?: readonly PhraseHit[], predToks?: ReadonlySet<number>): SlotTok[] {
  const groups = new Map<number, string[]>();
  for (const h of hits ?? findPhrases(a, from, to, PRED_TABLE)) {
    const labels = h.labels.filter((g) => g !== NOT_A_PREDICATE);
    for (let i = h.tok; i < h.tok + h.len; i++) groups.set(i, labels);
  }
  const qualifiers = new Set<number>();
  for (const h of findPhrases(a, from, to, QUALIFIER_TABLE)) for (let i = h.tok; i < h.tok + h.len; i++) qualifiers.add(i);
  const out: SlotTok[] = [];
  // A break before a function word ("…, các mẹ tránh xa") still comes before the next content syllable.
  let brk = true;
  for (let i = from; i < to; i++) {
    const t = a.toks[i] as Tok;
    const prev = a.toks[i - 1];
    if (prev === undefined || prev.sentence !== t.sentence || /[,;:.!?–—]/.test(a.raw.slice(prev.end, t.start))) brk = true;
    if (t.num === null && !isContent(t)) continue;
    const tok: SlotTok = { key: t.key, groups: groups.get(i) ?? [], num: t.num, brk, qualifier: qualifiers.has(i) };
    if (predToks?.has(i) === true) tok.predicate = true;
    out.push(tok);
    brk = false;
  }
  return out;
}

interface WindowScore {
  from: number; // sentence index
  to: number; // exclusive
  base: number;
  coverage: number;
  bigrams: number;
  anchors: number;
  order: number;
  balance: number;
  found: Set<string>;
  credit: Map<string, number>;
}

/**
 * Scores the claim against toks[first, end) (sentences [from, to)). With `upper`, a name/place credit
 * by spelling (joined, one letter off) never lowers one by presence and order counts as complete:
 * over the whole text, that bounds every window's base from above.
 */
function scoreWindow(c: PreparedClaim, doc: DocContext, from: number, to: number, first: number, end: number, upper: boolean): WindowScore {
  const win = doc.window(first, end);
  const present = win.present;
  const toneless = doc.a.toneless;
  const found = new Set<string>();
  const credit = new Map<string, number>();
  for (const k of c.content.keys()) {
    const docSigs = present.get(k);
    if (docSigs === undefined) continue;
    found.add(k);
    // With diacritics on both sides, a match on the folded key alone ("giá" for "giả") is weak.
    const claimSigs = c.sigs.get(k);
    let exact = toneless || claimSigs === undefined || claimSigs.has(null);
    for (let i = 0; !exact && i < docSigs.length; i++) {
      const sg = docSigs[i] as string | null;
      exact = sg === null || claimSigs?.has(sg) === true;
    }
    credit.set(k, exact ? 1 : FOLDED_ONLY_CREDIT);
  }
  // Names and places written differently: joined ("Kontum") or one letter off ("Đắc Lắc").
  for (const [joined, x, y] of c.entityJoins) {
    if (present.has(joined)) {
      if (upper || !credit.has(x)) credit.set(x, Math.max(0.9, upper ? (credit.get(x) ?? 0) : 0));
      if (upper || !credit.has(y)) credit.set(y, Math.max(0.9, upper ? (credit.get(y) ?? 0) : 0));
    }
  }
  for (const e of c.entities) {
    if (e.length < 3) continue;
    const had = credit.get(e);
    if (had !== undefined && (!upper || had >= 0.8)) continue;
    for (const p of present.keys()) {
      if (p.length >= 3 && p[0] === e[0] && within1(p, e)) {
        credit.set(e, 0.8);
        break;
      }
    }
  }
  let cov = 0;
  for (const [k, w] of c.content) cov += w * (credit.get(k) ?? 0);
  let anc = 0;
  for (const [k, w] of c.anchors) anc += w * (credit.get(k) ?? 0);
  let bi = 0;
  for (const b of c.bigrams) if (win.bigrams.has(b)) bi++;
  let order = 1;
  if (!upper) {
    // Order: longest increasing run of first positions, in claim order.
    const seq: number[] = [];
    for (const k of c.contentOrder) {
      const p = win.pos.get(k);
      if (p !== undefined) seq.push(p);
    }
    order = seq.length > 0 ? lisLength(seq) / seq.length : 0;
  }
  const coverage = cov / c.totalWeight;
  // Both halves of the claim must be there: a related statement shares the subject or the setting,
  // not what the claim says about it.
  const half = Math.ceil(c.contentOrder.length / 2);
  const balance = Math.min(halfCov(c, credit, 0, half), halfCov(c, credit, half, c.contentOrder.length));
  const bigrams = c.bigrams.size > 0 ? bi / c.bigrams.size : coverage;
  const anchors = anc / c.anchorWeight;
  const base = 0.35 * coverage + 0.2 * bigrams + 0.2 * anchors + 0.15 * balance + 0.1 * order * coverage;
  return { from, to, base, coverage, bigrams, anchors, order, balance, found, credit };
}

function halfCov(c: PreparedClaim, credit: ReadonlyMap<string, number>, from: number, to: number): number {
  let got = 0;
  let all = 0;
  for (let i = from; i < to; i++) {
    const k = c.contentOrder[i] as string;
    const w = c.content.get(k) ?? 0;
    all += w;
    got += w * (credit.get(k) ?? 0);
  }
  return all > 0 ? got / all : 0;
}

function lisLength(seq: number[]): number {
  const tails: number[] = [];
  for (const x of seq) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

function verify(c: PreparedClaim, ctx: DocContext, retrieval: number, threshold: number): ClaimMatch | null {
  const doc = ctx.a;
  // Sentences holding at least one claim term; windows start and end on such sentences.
  const hitSentences: number[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si] as Analysis['sentences'][number];
    for (let i = s.firstTok; i >= 0 && i < s.endTok; i++) {
      if (c.content.has((doc.toks[i] as Tok).key)) {
        hitSentences.push(si);
        break;
      }
    }
  }
  if (hitSentences.length === 0) return null;
  // The whole text bounds every window's base; the rest of the score only lowers it (or adds the
  // chain bonus), so a claim that cannot reach the threshold is dropped before scoring windows.
  const all = scoreWindow(c, ctx, 0, doc.sentences.length, 0, doc.toks.length, true);
  let bound = all.base;
  if (c.entities.size > 0) {
    let entCredit = 0;
    let entMissing = false;
    for (const e of c.entities) {
      const cr = all.credit.get(e) ?? 0;
      entCredit += cr;
      if (cr === 0) entMissing = true;
    }
    const share = entCredit / c.entities.size;
    const chain = (x: number): number => (ctx.hasChain ? Math.min(1, x * 1.1 + 0.02) : x);
    if (chain(bound * (NAMES_ABSENT_FLOOR + (1 - NAMES_ABSENT_FLOOR) * share)) < threshold - BOUND_MARGIN) return null;
    // The sentence of a window that holds most of the claim always counts for "another name", and it
    // is one of the hit sentences: when each of them has another name, every window has one.
    const hard = (0.6 + 0.4 * share) * (entMissing ? 0.6 : 1);
    const everyHasOther = share < 1 && chain(bound * hard) < threshold - BOUND_MARGIN && hitSentences.every((si) => otherNamesIn(c, doc, si, si + 1).length > 0);
    if (everyHasOther) return null;
    bound *= NAMES_ABSENT_FLOOR + (1 - NAMES_ABSENT_FLOOR) * share;
  }
  // The predicate factor over the whole text bounds every window's: a window finds no more of it.
  if (c.preds.length > 0) bound *= predicateUpper(c, missingPredicates(c, ctx.predGroups()).length);
  if (ctx.hasChain) bound = Math.min(1, bound * 1.1 + 0.02);
  if (bound < threshold - BOUND_MARGIN) return null;
  let best: WindowScore | null = null;
  for (let hi = 0; hi < hitSentences.length; hi++) {
    const from = hitSentences[hi] as number;
    for (let hj = hi; hj < hitSentences.length; hj++) {
      const last = hitSentences[hj] as number;
      if (last - from >= 3) break;
      const first = doc.sentences[from]?.firstTok ?? 0;
      const end = doc.sentences[last]?.endTok ?? first;
      const w = scoreWindow(c, ctx, from, last + 1, first, end, false);
      // A longer window must earn its extra sentences.
      if (best === null || w.base > best.base + 0.02 * (w.to - w.from - (best.to - best.from))) best = w;
    }
  }
  if (best === null) return null;

  const sents = doc.sentences;
  const short = sents.length <= 4;
  const ctxFrom = short ? 0 : Math.max(0, best.from - 1);
  const ctxTo = short ? sents.length : Math.min(sents.length, best.to + 1);
  const tokFrom = sents[ctxFrom]?.firstTok ?? 0;
  const tokTo = sents[ctxTo - 1]?.endTok ?? tokFrom;
  const inRange = (h: CueHit, a: number, b: number): boolean => h.tok >= a && h.tok < b;
  const cues: CueHit[] = doc.cues.filter((h) => inRange(h, tokFrom, tokTo) && !c.ownCues.has(h.phrase));
  const strong = cues.filter((h) => h.kind === 'debunk-strong').map((h) => h.phrase);
  const weak = cues.filter((h) => h.kind === 'debunk-weak').map((h) => h.phrase);
  // Question cues count only in the passage and the sentence right after it ("... Có thật không?").
  const qTo = Math.min(sents.length, best.to + 1);
  const qTokFrom = sents[best.from]?.firstTok ?? 0;
  const qTokTo = sents[qTo - 1]?.endTok ?? qTokFrom;
  const questionCues = doc.cues
    .filter((h) => h.kind === 'question' && inRange(h, qTokFrom, qTokTo) && !c.ownCues.has(h.phrase))
    .map((h) => h.phrase);
  for (let s = best.from; s < qTo; s++) {
    const inPassage = s < best.to;
    const sp = sents[s];
    const small = sp !== undefined && sp.endTok - sp.firstTok <= 8;
    if ((inPassage || small) && isQuestionSentence(doc, s)) questionCues.push(doc.raw.slice(sp?.start ?? 0, sp?.end ?? 0).includes('?') ? '?' : 'khong (cuoi cau)');
  }
  const allChain = [...ctx.allChain()];

  const pFrom = sents[best.from]?.firstTok ?? 0;
  const pTo = sents[best.to - 1]?.endTok ?? pFrom;
  const docScope = negationScope(doc, Math.max(0, pFrom), Math.max(0, pTo), new Set(c.content.keys()));
  const negated: string[] = [];
  for (const k of docScope) if (!c.negScope.has(k) && !c.negAmbiguous.has(k)) negated.push(k);
  for (const k of c.negScope) if (best.found.has(k) && !docScope.has(k)) negated.push(k);

  const docNums: number[] = [];
  for (let i = pFrom; i < pTo; i++) {
    const v = doc.toks[i]?.num;
    if (v !== null && v !== undefined) docNums.push(v);
  }
  let numbers: ClaimMatchFeatures['numbers'] = 'none';
  if (c.numbers.length > 0) {
    const missing = c.numbers.filter((v) => !docNums.includes(v));
    if (missing.length === 0) numbers = 'agree';
    else if (docNums.some((v) => !c.numbers.includes(v))) numbers = 'changed';
    else numbers = 'absent';
  }

  // What the claim says, apart from who and where: its content terms other than names and places.
  let coreGot = 0;
  let coreAll = 0;
  for (const [k, w] of c.content) {
    if (c.entities.has(k)) continue;
    coreAll += w;
    coreGot += w * (best.credit.get(k) ?? 0);
  }
  const core = coreAll > 0 ? coreGot / coreAll : best.coverage;
  let score = best.base;
  const reasons: string[] = [];
  const f: ClaimFactors = {
    hand: 0, base: best.base, namesShare: 1, otherName: 0, xNames: 1, xNumbers: 1, xFarNumbers: 1,
    negatedShare: 0, xNegated: 1, xDenied: 1, predicateShare: 1, hasPredicate: c.preds.length > 0 ? 1 : 0,
    outcomeMissing: 0, otherPredicate: 0, xPredicate: 1, xOpposite: 1, substitutedShare: 0, xSubstituted: 1,
    balance: best.balance, xHalf: 1, reasonShare: 1, otherReason: 0, xReason: 1, xTime: 1, xTense: 1,
    xScope: 1, xOtherName: 1, xDebunk: 1, debunkStrong: 0, debunkWeak: 0, xQuestion: 1, chain: 0,
    surface: NO_SURFACE, stance: ctx.stance, retrievalShare: c.selfRetrieval > 0 ? Math.min(1, retrieval / c.selfRetrieval) : 0,
  };
  // Applies one factor of the hand formula and records it.
  const apply = (key: FactorKey, x: number): void => {
    f[key] = x;
    score *= x;
  };
  // Capitalised words of the passage that are not the claim's, nor initials of its names ("ĐL", "VCĐ").
  const otherNames: string[] = [];
  if (c.entities.size > 0) {
    // Only sentences that carry the claim: a name in a sentence of context ("Nhà tôi ở Huế…" before an
    // embedded repeat) replaces nothing.
    let entCredit = 0;
    for (const e of c.entities) entCredit += best.credit.get(e) ?? 0;
    const entShare = entCredit / c.entities.size;
    // Only needed when a name is missing (both the factor and the replaced-name check then read it).
    if (entShare < 1) for (const si of claimSentences(c, doc, best.from, best.to)) otherNames.push(...otherNamesIn(c, doc, si, si + 1));
    // A different event on the same topic keeps the topic words but not the names and places; a
    // post that only leaves them out ("cấm mang sạc lên máy bay" without "Việt Nam") says less, not otherwise.
    f.namesShare = entShare;
    f.otherName = otherNames.length > 0 ? 1 : 0;
    apply('xNames', otherNames.length > 0 ? 0.6 + 0.4 * entShare : NAMES_ABSENT_FLOOR + (1 - NAMES_ABSENT_FLOOR) * entShare);
    if (entShare < 0.75) reasons.push(`only ${Math.round(entShare * 100)}% of the claim's names/places found`);
  }
  if (numbers === 'changed') {
    apply('xNumbers', 0.88);
    reasons.push('a number differs from the claim');
  } else if (numbers === 'absent') apply('xNumbers', 0.97);
  // One negated word may be incidental ("không cho con tiêm"); denying the claim negates its core.
  const negatedWeight = negated.reduce((sum, k) => sum + (c.content.get(k) ?? 0), 0) / c.totalWeight;
  f.negatedShare = negated.length > 0 ? negatedWeight : 0;
  if (negated.length > 0 && negatedWeight >= 0.15) {
    apply('xNegated', 0.4);
    reasons.push(`negates ${negated.join(', ')}`);
  }
  // What the claim says happens: a related statement keeps the subject and the setting, not the predicate.
  const docPreds = findPhrases(doc, pFrom, pTo, PRED_TABLE).filter((h) => !isNameAt(doc, h.tok));
  const docGroups = new Set(docPreds.flatMap((h) => h.labels));
  // The claim's predicate itself denied ("không gây dậy thì sớm"): a denial however little it weighs.
  if (c.preds.length > 0 && !(negated.length > 0 && negatedWeight >= 0.15)) {
    const claimGroups = new Set(c.preds.flatMap((h) => h.labels));
    const claimNegated = c.preds.some((h) => c.negScope.has(h.phrase.split(' ')[0] ?? ''));
    const under = negatedTokens(doc, pFrom, pTo);
    // A denied connective alone ("không phải ... gây") is not enough: the outcome after it must be denied.
    const denied = docPreds.filter(
      (h) => under.has(h.tok) && h.labels.some((g) => claimGroups.has(g) && !CONNECTIVE_GROUPS.has(g) && !c.negatedGroups.has(g)),
    );
    if (denied.length > 0 && !claimNegated) {
      apply('xDenied', 0.4);
      reasons.push(`denies ${denied.map((h) => h.phrase).join(', ')}`);
    }
  }
  // What remains only lowers the score (but the chain bonus): a candidate already below the
  // threshold stops before the slot alignment.
  const missingPreds = c.preds.length > 0 ? missingPredicates(c, docGroups) : [];
  const upper = score * predicateUpper(c, missingPreds.length);
  if ((allChain.length > 0 ? Math.min(1, upper * 1.1 + 0.02) : upper) < threshold - BOUND_MARGIN) return null;
  f.predicateShare = c.preds.length > 0 ? 1 - missingPreds.length / c.preds.length : 1;
  // Something else said in the place of part of the claim: another proposition in the same frame.
  const win = ctx.window(pFrom, pTo);
  const predSlots: PredicateSlot[] = [];
  // Verbs that report something else: they only matter in the slot of a missing claim predicate.
  const docOther = c.preds.length > 0 && c.preds.some((h) => !h.labels.some((g) => docGroups.has(g))) ? findPhrases(doc, pFrom, pTo, OTHER_PRED_TABLE) : [];
  const subs = substitutions(
    c.slots,
    slotToks(doc, pFrom, pTo, [...docPreds, ...docOther]),
    (k) => c.content.get(k) ?? 0,
    (k) => c.content.has(k),
    (k) => win.present.has(k) || (best.credit.get(k) ?? 0) > 0,
    (g) => docGroups.has(g) || CONNECTIVE_GROUPS.has(g),
    predSlots,
  );
  let predicate = 1;
  if (c.preds.length > 0) {
    const claimGroups = new Set(c.preds.flatMap((h) => h.labels));
    const missing = missingPreds;
    predicate = 1 - missing.length / c.preds.length;
    // None of the predicate, or not its outcome: a related statement. Part of it: paraphrases often
    // say the rest otherwise.
    const outcomeMissing = missing.some((h) => h.labels.some((g) => OUTCOME_GROUPS.has(g)));
    // What the passage says happens instead, when it is a known other meaning ("tăng" for "giảm",
    // "bắt" for "phạt"); a predicate said with a word no group knows may be a synonym ("dẹp" for "hủy").
    // In the slot of the missing predicate; when the alignment found no such slot (the predicate's
    // neighbours moved), a verb that reports something else counts anywhere in the passage.
    const otherPreds =
      predSlots.length > 0
        ? predSlots
            .map((sl) => sl.passage.filter((t) => t.groups.length > 0 && t.groups.every((g) => !claimGroups.has(g) && !CONNECTIVE_GROUPS.has(g))))
            .filter((ts) => ts.length > 0)
            .map((ts) => ({ phrase: ts.map((t) => t.key).join(' ') }))
        : docOther;
    if (missing.length > 0) {
      f.outcomeMissing = outcomeMissing ? 1 : 0;
      f.otherPredicate = otherPreds.length > 0 ? 1 : 0;
      if (otherPreds.length > 0 || outcomeMissing) {
        apply('xPredicate', predicate === 0 || outcomeMissing ? 0.5 : 0.85 + 0.15 * predicate);
        reasons.push(`the claim's predicate not found: ${missing.map((h) => h.phrase).join(', ')}${otherPreds.length > 0 ? ` (says ${otherPreds.map((h) => h.phrase).join(', ')})` : ''}`);
      } else {
        apply('xPredicate', PREDICATE_UNKNOWN_FLOOR + (1 - PREDICATE_UNKNOWN_FLOOR) * predicate);
        reasons.push(`the claim's predicate not found, no other said: ${missing.map((h) => h.phrase).join(', ')}`);
      }
    }
    const opposite = missing.flatMap((h) => h.labels.flatMap((g) => CONTRAST.get(g) ?? [])).filter((g) => docGroups.has(g) && !claimGroups.has(g));
    if (opposite.length > 0) {
      apply('xOpposite', 0.6);
      reasons.push(`says the opposite (${[...new Set(opposite)].join(', ')})`);
    }
  }
  // A predicate replaced by a known other one is a substitution as well (one said otherwise is not).
  const claimPredGroups = new Set(c.preds.flatMap((h) => h.labels));
  for (const sl of predSlots) {
    const other = sl.passage.filter((t) => t.groups.length > 0 && t.groups.every((g) => !claimPredGroups.has(g) && !CONNECTIVE_GROUPS.has(g)));
    if (other.length > 0) {
      const weight = sl.claim.reduce((sum, k) => sum + (c.content.get(k) ?? 0), 0) + sl.restWeight;
      subs.push({ claim: [...sl.claim, ...sl.rest], passage: sl.passage.map((t) => t.key), weight });
    }
  }
  if (subs.length > 0) {
    const share = subs.reduce((sum, x) => sum + x.weight, 0) / c.totalWeight;
    f.substitutedShare = share;
    apply('xSubstituted', Math.max(SUBSTITUTION_FLOOR, 1 - SUBSTITUTION_WEIGHT * share));
    reasons.push(`substituted (${Math.round(share * 100)}%): ${subs.map((x) => `"${x.passage.join(' ')}" for "${x.claim.join(' ')}"`).join(', ')}`);
  }
  // A claim whose predicate is outside the meaning groups: its second half must be there too (the
  // first half alone is the subject and the setting, which related statements share).
  if (c.preds.length === 0 && best.balance < 0.5) {
    apply('xHalf', 0.5 + best.balance);
    reasons.push(`only ${Math.round(best.balance * 100)}% of one half of the claim found`);
  }
  if (c.cause.length > 0) {
    let got = 0;
    let all = 0;
    for (const k of c.cause) {
      const w = c.content.get(k) ?? 0;
      all += w;
      got += w * (best.credit.get(k) ?? 0);
    }
    const share = all > 0 ? got / all : 1;
    f.reasonShare = share;
    if (share < 0.5) {
      // Another reason given is another story; none given, the post only says less.
      const otherReason = findPhrases(doc, pFrom, pTo, CAUSE_TABLE).length > 0;
      f.otherReason = otherReason ? 1 : 0;
      apply('xReason', otherReason ? 0.6 + 0.4 * share : REASON_ABSENT_FLOOR + (1 - REASON_ABSENT_FLOOR) * share);
      reasons.push(`the claim's reason (${c.cause.join(' ')}) not found${otherReason ? ', another given' : ''}`);
    }
  }
  // Another time or another tense ("vừa xảy ra" for "sắp xảy ra") is another event.
  if (c.times.size > 0) {
    const docTimes = findPhrases(doc, pFrom, pTo, TIME_TABLE).map((h) => h.phrase);
    if (docTimes.length > 0 && !docTimes.some((t) => c.times.has(t))) {
      apply('xTime', 0.7);
      reasons.push(`another time (${docTimes.join(', ')})`);
    }
  }
  if (c.future) {
    const tense = findPhrases(doc, pFrom, pTo, TENSE_TABLE).flatMap((h) => h.labels);
    if (tense.includes('past') && !tense.includes('future')) {
      apply('xTense', 0.7);
      reasons.push('tells of a past event, the claim of a coming one');
    }
  }
  // All of it in the claim, some of it in the passage: another, smaller event.
  if (c.universal) {
    const scope = findPhrases(doc, pFrom, pTo, SCOPE_TABLE).flatMap((h) => h.labels);
    // As strong as a replaced place: with every other term in place, it still is another event.
    if (scope.includes('some') && !scope.includes('all')) {
      apply('xScope', 0.45);
      reasons.push('speaks of part of what the claim says of all');
    }
  }
  // A name or place of the claim replaced by another one: the same story about someone or somewhere else.
  if (c.entities.size > 0) {
    const missingEnt = [...c.entities].some((e) => (best.credit.get(e) ?? 0) === 0);
    if (missingEnt && otherNames.length > 0) {
      apply('xOtherName', 0.6);
      reasons.push(`another name or place (${otherNames.join(' ')})`);
    }
  }
  if (numbers === 'changed' && c.numbers.length > 0) {
    // Far from every number of the claim (an order of magnitude): another figure, not a misquote.
    const far = c.numbers
      .filter((v) => !docNums.includes(v))
      .every((v) => docNums.every((d) => Math.max(v, d) / Math.max(1e-9, Math.min(v, d)) > 4));
    if (far) {
      apply('xFarNumbers', 0.8);
      reasons.push('numbers far from the claim\'s');
    }
  }
  f.debunkStrong = strong.length > 0 ? 1 : 0;
  f.debunkWeak = weak.length > 0 ? 1 : 0;
  f.chain = allChain.length > 0 ? 1 : 0;
  if (strong.length > 0) {
    apply('xDebunk', 0.25);
    reasons.push(`debunk cues: ${strong.join(', ')}`);
  } else if (weak.length > 0) {
    apply('xDebunk', 0.75);
    reasons.push(`weak debunk cues: ${weak.join(', ')}`);
  }
  if (questionCues.length > 0) {
    apply('xQuestion', 0.35);
    reasons.push(`asks whether it is true (${questionCues.join(', ')})`);
  }
  if (allChain.length > 0 && strong.length === 0) score = Math.min(1, score * 1.1 + 0.02);
  score = Math.max(0, Math.min(1, score));
  f.hand = Math.round(score * 1000) / 1000;

  const start = sents[best.from]?.start ?? 0;
  const end = sents[best.to - 1]?.end ?? start;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const explanation =
    `Passage repeats the claim "${truncate(c.fc.claim, 90)}" (verdict: ${c.fc.verdict}): ` +
    `${pct(best.coverage)} of its key terms, ${pct(best.bigrams)} of its word pairs, ${pct(best.anchors)} of its distinctive terms` +
    (numbers !== 'none' ? `; numbers ${numbers}` : '') +
    (allChain.length > 0 ? `; chain-message cues: ${allChain.join(', ')}` : '') +
    (reasons.length > 0 ? `; lowered: ${reasons.join('; ')}` : '') +
    '.';
  return {
    factCheckId: c.reportId,
    score: Math.round(score * 1000) / 1000,
    passage: { start, end, text: doc.raw.slice(start, end) },
    explanation,
    features: {
      retrieval: Math.round(retrieval * 1000) / 1000,
      coverage: round3(best.coverage),
      core: round3(core),
      bigrams: round3(best.bigrams),
      anchors: round3(best.anchors),
      order: round3(best.order),
      numbers,
      debunkCues: [...strong, ...weak],
      questionCues,
      chainCues: allChain,
      negated,
    },
    factors: f,
  };
}

type FactorKey = { [K in keyof ClaimFactors]: K extends `x${string}` ? K : never }[keyof ClaimFactors];

const NO_SURFACE = Object.fromEntries(SURFACE_FEATURES.map((k) => [k, 0])) as SurfaceFeatures;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
