/**
 * Aligned slots: where a passage says something else in the place of what the claim says.
 *
 * The claim's content syllables are aligned to the passage's in order (a weighted longest common
 * subsequence; a syllable aligns with the same key, or with a predicate of the same meaning group,
 * "mất sạch" with "trừ hết"). Between two aligned neighbours, or after the last one, each side may
 * hold syllables the other lacks. A claim syllable missing from the whole passage while the passage
 * holds, in the same slot, content words the claim does not have at all is a substitution: "vượt đèn
 * đỏ" in the place of "không có bằng lái", "bị bỏ lại nhiều ngày" in the place of "chở trẻ em đi bán
 * nội tạng". A dropped word leaves its slot empty; a paraphrase that moves a word keeps it elsewhere.
 */

export interface SlotTok {
  key: string;
  /** Meaning groups of the predicate phrase the syllable belongs to (empty outside predicates). */
  groups: readonly string[];
  /** Numbers align with the same value but are never counted as substituted (numbers have their own check). */
  num: number | null;
  /** A clause break (punctuation or a new sentence) comes right before this syllable. */
  brk: boolean;
  /** Qualifies what is said (degree, manner, aspect: "tuyệt đối", "ngay"); never a substitution. */
  qualifier: boolean;
  /** A syllable of one of the claim's predicates: the predicate check owns it, it is never a substitution. */
  predicate?: boolean;
}

export interface Substitution {
  /** Claim syllables missing from the passage, in the slot. */
  claim: string[];
  /** Passage syllables the claim does not have, in the same slot. */
  passage: string[];
  /** IDF weight of the missing claim syllables. */
  weight: number;
}

/** A slot where a claim predicate is missing: what the passage says there instead, with its meaning groups. */
export interface PredicateSlot {
  /** The claim's missing predicate syllables in the slot. */
  claim: string[];
  /** Its other missing claim syllables, and their weight: substituted only if the predicate was replaced. */
  rest: string[];
  restWeight: number;
  passage: Array<{ key: string; groups: readonly string[] }>;
}

/**
 * A passage syllable that is another spelling of missing claim syllables, not another word: one
 * letter off ("Lí" for "Lý"), joined ("Cầnthơ"), or their initials ("cc" for "công chức", "đgnl").
 */
function variantOf(p: string, slotKeys: readonly string[]): boolean {
  if (p.length < 2) return false;
  for (let i = 0; i < slotKeys.length; i++) {
    const k = slotKeys[i] as string;
    if (p.startsWith(k) || p.endsWith(k) || (k.length >= 2 && k[0] === p[0] && within1(p, k))) return true;
    // Abbreviated in order ("fb", "phb" for "facebook"/"phacebook"), or initials of the slot's syllables.
    if (p.length <= 4 && p.length < k.length && p[0] === k[0] && isSubsequence(p, k)) return true;
    let initials = '';
    for (let j = i; j < slotKeys.length && initials.length < p.length; j++) initials += (slotKeys[j] as string)[0] ?? '';
    if (initials === p) return true;
  }
  return false;
}

function isSubsequence(p: string, k: string): boolean {
  let j = 0;
  for (let i = 0; i < k.length && j < p.length; i++) if (k[i] === p[j]) j++;
  return j === p.length;
}

/** Edit distance ≤ 1 (for names and places spelt differently: "dak lak" / "dac lac"). */
export function within1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How many passage syllables after the last aligned one still belong to its slot (the object of its verb). */
const TAIL_SPAN = 3;

function aligns(x: SlotTok, y: SlotTok): boolean {
  if (x.num !== null || y.num !== null) return x.num !== null && x.num === y.num;
  if (x.key === y.key) return true;
  for (const g of x.groups) if (y.groups.includes(g)) return true;
  return false;
}

/**
 * Substitutions of `passage` against `claim`. `weight(key)` is the claim syllable's weight,
 * `inClaim(key)` whether a passage key is one of the claim's, `inPassage(key)` whether a claim key
 * occurs anywhere in the passage (then it moved, it was not replaced), `groupFound(g)` whether the
 * passage has a predicate of meaning group g (a claim predicate said otherwise is not missing).
 */
export function substitutions(
  claim: readonly SlotTok[],
  passage: readonly SlotTok[],
  weight: (key: string) => number,
  inClaim: (key: string) => boolean,
  inPassage: (key: string) => boolean,
  groupFound: (group: string) => boolean,
  /** Receives, for each slot where a claim predicate is missing, what the passage holds there. */
  predicateSlots?: PredicateSlot[],
): Substitution[] {
  const claimGroups = new Set(claim.flatMap((t) => t.groups));
  const claimGroup = (g: string): boolean => claimGroups.has(g);
  const n = claim.length;
  const m = passage.length;
  if (n === 0 || m === 0) return [];
  // Weighted LCS table, (n+1) x (m+1), row-major.
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const ci = claim[i] as SlotTok;
    const wi = ci.num !== null ? 1 : Math.max(weight(ci.key), 1e-6);
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(dp[(i + 1) * w + j] as number, dp[i * w + j + 1] as number);
      if (aligns(ci, passage[j] as SlotTok)) best = Math.max(best, wi + (dp[(i + 1) * w + j + 1] as number));
      dp[i * w + j] = best;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const ci = claim[i] as SlotTok;
    const wi = ci.num !== null ? 1 : Math.max(weight(ci.key), 1e-6);
    const here = dp[i * w + j] as number;
    if (aligns(ci, passage[j] as SlotTok) && Math.abs(here - (wi + (dp[(i + 1) * w + j + 1] as number))) < 1e-9) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((dp[(i + 1) * w + j] as number) >= (dp[i * w + j + 1] as number)) i++;
    else j++;
  }
  if (pairs.length === 0) return [];
  const out: Substitution[] = [];
  // A syllable right after a number is its unit ("500 nghìn" for "500.000 đồng"): numbers have their own check.
  const unit = (toks: readonly SlotTok[], i: number): boolean => i > 0 && (toks[i - 1] as SlotTok).num !== null;
  const slot = (c0: number, c1: number, p0: number, p1: number): void => {
    const missing: string[] = [];
    const missingPred: string[] = [];
    const slotKeys: string[] = [];
    let wt = 0;
    for (let i = c0; i < c1; i++) {
      const t = claim[i] as SlotTok;
      if (t.num !== null) continue;
      slotKeys.push(t.key);
      // A qualifier the passage leaves out ("miễn dịch hoàn toàn" said "miễn dịch tuyệt đối") is no substitution either.
      if (inPassage(t.key) || t.groups.some(groupFound) || unit(claim, i) || t.qualifier) continue;
      // A predicate said otherwise costs once, in the predicate check, which is told what stands there.
      if (t.predicate === true) missingPred.push(t.key);
      else {
        missing.push(t.key);
        wt += weight(t.key);
      }
    }
    if (missing.length === 0 && missingPred.length === 0) return;
    // Only the clause each aligned neighbour stands in belongs to the slot, not clauses in between.
    let firstBreak = p1;
    let lastBreak = p0;
    for (let j = p0; j < p1; j++) {
      if ((passage[j] as SlotTok).brk) {
        if (firstBreak === p1) firstBreak = j;
        lastBreak = j;
      }
    }
    const novel: string[] = [];
    const held: Array<{ key: string; groups: readonly string[] }> = [];
    for (let j = p0; j < p1; j++) {
      if (j >= firstBreak && j < lastBreak) continue;
      const t = passage[j] as SlotTok;
      if (t.num !== null || t.qualifier || unit(passage, j) || inClaim(t.key) || t.groups.some(claimGroup) || variantOf(t.key, slotKeys)) continue;
      novel.push(t.key);
      held.push({ key: t.key, groups: t.groups });
    }
    // With a claim predicate missing, what the passage holds there is first of all the predicate said
    // otherwise: the caller decides, from its meaning, whether the slot was replaced.
    if (missingPred.length > 0) predicateSlots?.push({ claim: missingPred, rest: missing, restWeight: wt, passage: held });
    else if (novel.length > 0) out.push({ claim: missing, passage: novel, weight: wt });
  };
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [i0, j0] = pairs[k] as [number, number];
    const [i1, j1] = pairs[k + 1] as [number, number];
    slot(i0 + 1, i1, j0 + 1, j1);
  }
  // After the last aligned syllable, the slot is what follows it in the same clause.
  const [il, jl] = pairs[pairs.length - 1] as [number, number];
  let tail = jl + 1;
  while (tail < m && tail < jl + 1 + TAIL_SPAN && !(passage[tail] as SlotTok).brk) tail++;
  slot(il + 1, n, jl + 1, tail);
  return out;
}
