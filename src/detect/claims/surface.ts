/**
 * Surface measures of a candidate for the learned combiner (issue #6, eighth round; docs/claims.md):
 * how much of the claim the passage says and how much of the passage the claim explains (weighted by
 * the registry's idf), character n-gram overlap of the keys, soft matches (a prefix, a near spelling,
 * initials: "ga" for "gas", "tk" for "tài khoản") and the claim's numbers found anywhere in the post.
 * They see what the hand verifier's exact-key factors miss in other people's wording: a short partial
 * repeat is almost all claim words, a related report carries much the claim does not.
 */

export const SURFACE_FEATURES = [
  'postCov',
  'docCov',
  'claimCov',
  'maxShared',
  'c3',
  'c3p',
  'c4',
  'logLen',
  'lenRatio',
  'pcXcc',
  'c3Xc3p',
  'softCov',
  'softCovDoc',
  'softPost',
  'numHits',
  'numShare',
  'claimHasNum',
  'numExtra',
  'softXpost',
] as const;
export type SurfaceFeature = (typeof SURFACE_FEATURES)[number];
export type SurfaceFeatures = Record<SurfaceFeature, number>;

export interface SurfaceInput {
  /** The claim's content keys in order (repeats kept). */
  claimKeys: readonly string[];
  claimNumbers: readonly number[];
  /** Content keys and numbers of the matching passage. */
  passageKeys: readonly string[];
  passageNumbers: readonly number[];
  /** Content keys and numbers of the whole post. */
  docKeys: readonly string[];
  docNumbers: readonly number[];
}

/** Numbers too common to be evidence of a particular claim (list items, "1 lần", "2 tuần"). */
const TRIVIAL_NUMBERS: ReadonlySet<number> = new Set([0, 1, 2]);
const PREFIX_CREDIT = 0.7;
const INITIALS_CREDIT = 0.8;
const NEAR_SPELLING_MIN = 0.6;

/** Character n-grams of the keys joined by spaces, with counts. */
function charGrams(keys: readonly string[], n: number): Map<string, number> {
  const s = keys.join(' ');
  const out = new Map<string, number>();
  for (let i = 0; i + n <= s.length; i++) {
    const g = s.slice(i, i + n);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function total(m: ReadonlyMap<string, number>): number {
  let t = 0;
  for (const v of m.values()) t += v;
  return t;
}

/** Size of the multiset intersection. */
function common(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let t = 0;
  for (const [g, v] of a) t += Math.min(v, b.get(g) ?? 0);
  return t;
}

function letterPairs(k: string): Set<string> {
  if (k.length < 2) return new Set([k]);
  const out = new Set<string>();
  for (let i = 0; i + 1 < k.length; i++) out.add(k.slice(i, i + 2));
  return out;
}

/**
 * Credit in [0, 1] for each distinct key of `from` by the keys of `to`: 1 when present, 0.8 when 2–4
 * consecutive keys of `from` are written as their initials in `to`, 0.7 for a prefix within two letters,
 * up to 0.6 × the Dice overlap of letter pairs (≥ 0.6) for keys of four letters or more.
 */
export function softCredit(from: readonly string[], to: readonly string[]): Map<string, number> {
  const present = new Set(to);
  const initials = new Map<string, number>();
  for (let len = 2; len <= 4; len++) {
    for (let i = 0; i + len <= from.length; i++) {
      let ini = '';
      for (let j = i; j < i + len; j++) ini += (from[j] as string)[0] ?? '';
      if (!present.has(ini)) continue;
      for (let j = i; j < i + len; j++) initials.set(from[j] as string, INITIALS_CREDIT);
    }
  }
  const out = new Map<string, number>();
  for (const k of from) {
    if (out.has(k)) continue;
    if (present.has(k)) {
      out.set(k, 1);
      continue;
    }
    let best = initials.get(k) ?? 0;
    const kp = k.length >= 4 ? letterPairs(k) : null;
    for (const q of present) {
      if (
        q.length >= 2 &&
        k.length >= 2 &&
        (q.startsWith(k) || k.startsWith(q)) &&
        Math.abs(q.length - k.length) <= 2
      ) {
        best = Math.max(best, PREFIX_CREDIT);
      } else if (kp !== null && q.length >= 4) {
        const qp = letterPairs(q);
        let both = 0;
        for (const g of kp) if (qp.has(g)) both++;
        const dice = (2 * both) / (kp.size + qp.size);
        if (dice >= NEAR_SPELLING_MIN) best = Math.max(best, NEAR_SPELLING_MIN * dice);
      }
    }
    out.set(k, best);
  }
  return out;
}

export function surfaceFeatures(
  inp: SurfaceInput,
  idf: (key: string) => number,
  maxIdf: number,
): SurfaceFeatures {
  const claim = new Set(inp.claimKeys);
  const passage = new Set(inp.passageKeys);
  const doc = new Set(inp.docKeys);
  const weight = (keys: Iterable<string>): number => {
    let t = 0;
    for (const k of keys) t += idf(k);
    return t;
  };
  const sharedWeight = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
    let t = 0;
    for (const k of a) if (b.has(k)) t += idf(k);
    return t;
  };
  const claimW = weight(claim) || 1;
  const passageW = weight(passage) || 1;
  const postCov = sharedWeight(passage, claim) / passageW;
  const docCov = sharedWeight(doc, claim) / (weight(doc) || 1);
  const claimCov = sharedWeight(claim, passage) / claimW;
  let maxShared = 0;
  for (const k of passage) if (claim.has(k)) maxShared = Math.max(maxShared, idf(k) / maxIdf);

  const c3a = charGrams(inp.claimKeys, 3);
  const c3b = charGrams(inp.passageKeys, 3);
  const both3 = common(c3a, c3b);
  const c3 = both3 / (total(c3a) || 1);
  const c3p = both3 / (total(c3b) || 1);
  const c4a = charGrams(inp.claimKeys, 4);
  const c4 = common(c4a, charGrams(inp.passageKeys, 4)) / (total(c4a) || 1);

  const softWeighted = (credit: ReadonlyMap<string, number>, all: number): number => {
    let t = 0;
    for (const [k, v] of credit) t += idf(k) * v;
    return t / all;
  };
  const softCov = softWeighted(softCredit(inp.claimKeys, inp.passageKeys), claimW);
  const softCovDoc = softWeighted(softCredit(inp.claimKeys, inp.docKeys), claimW);
  const softPost = softWeighted(softCredit(inp.passageKeys, inp.claimKeys), passageW);

  const claimNums = new Set(inp.claimNumbers.filter((v) => !TRIVIAL_NUMBERS.has(v)));
  const docNums = new Set(inp.docNumbers);
  let numHits = 0;
  for (const v of claimNums) if (docNums.has(v)) numHits++;
  const allClaimNums = new Set(inp.claimNumbers);
  let numExtra = 0;
  for (const v of new Set(inp.passageNumbers)) if (!allClaimNums.has(v)) numExtra++;

  return {
    postCov,
    docCov,
    claimCov,
    maxShared,
    c3,
    c3p,
    c4,
    logLen: Math.log1p(inp.docKeys.length),
    lenRatio: inp.passageKeys.length / (inp.claimKeys.length || 1),
    pcXcc: postCov * claimCov,
    c3Xc3p: c3 * c3p,
    softCov,
    softCovDoc,
    softPost,
    numHits,
    numShare: claimNums.size > 0 ? numHits / claimNums.size : 0,
    claimHasNum: claimNums.size > 0 ? 1 : 0,
    numExtra,
    softXpost: softCov * softPost,
  };
}
