/**
 * Text analysis shared by claims and documents: key tokens with canonical paraphrase forms, numbers
 * with their values, sentence membership, cue and negation spotting.
 */
import { foldDiacritics, type KeyToken as CoreKeyToken } from '../../text/index.js';
import { claimKeyTokens, diacriticSig, isPlausibleSyllable, sentenceSpans, type KeyToken } from './keys.js';
import {
  CANONICAL_PHRASES,
  CUES,
  MULTIPLIERS,
  NEGATIONS,
  NEGATION_EXEMPT_NEXT,
  NEGATION_EXEMPT_PREV,
  NUMBER_UNITS,
  NUMBER_WORDS,
  QUESTION_TAIL,
  STOPWORDS,
  SYNONYMS,
  type CueKind,
} from './lexicon.js';

export interface Tok extends KeyToken {
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Numeric value when the token is a number ("500k" → 500000), else null. */
  num: number | null;
}

export interface Analysis {
  raw: string;
  toks: Tok[];
  /** Every cue phrase in the text, in token order. */
  cues: CueHit[];
  /** Few syllables carry diacritics: the text was typed without them, so only folded keys compare. */
  toneless: boolean;
  sentences: Array<{ start: number; end: number; firstTok: number; endTok: number }>;
}

interface PhraseRule {
  from: string[];
  /** Diacritic signatures of the variant's words (null: any), from SYNONYMS written with marks. */
  sigs: Array<string | null>;
  to: string[];
  /** The variant is the canonical form itself (kept as written, marks and all). */
  same: boolean;
}

const RULES_BY_FIRST = new Map<string, PhraseRule[]>();
function addRule(from: string[], sigs: Array<string | null>, to: string[]): void {
  const first = from[0] ?? '';
  const list = RULES_BY_FIRST.get(first) ?? [];
  // One rule per variant: the first row that names it wins.
  if (list.some((r) => r.from.length === from.length && r.from.every((k, j) => k === from[j]))) return;
  list.push({ from, sigs, to, same: to.length === from.length && to.every((k, j) => k === from[j]) });
  list.sort((a, b) => b.from.length - a.from.length);
  RULES_BY_FIRST.set(first, list);
}
for (const [from, to] of CANONICAL_PHRASES) {
  const f = from.split(' ');
  addRule(f, f.map(() => null), to.split(' '));
}
for (const row of SYNONYMS) {
  const to = foldDiacritics(row[0] ?? '').toLowerCase().split(' ');
  // The canonical form maps to itself, so a longer canonical phrase is never cut by a shorter variant.
  for (const v of row) {
    const words = v.toLowerCase().split(' ');
    const from = words.map((w) => foldDiacritics(w));
    // A one-word canonical form rewritten to itself would only cost time.
    if (from.length === 1 && to.length === 1 && from[0] === to[0]) continue;
    addRule(from, words.map((w) => diacriticSig(w)), to);
  }
}

/**
 * A rule word written with marks matches a syllable with the same marks, any syllable of a text typed
 * without diacritics, and a key made by teencode expansion (no signature).
 */
function sigFits(rule: string | null | undefined, tok: string | null, toneless: boolean): boolean {
  return rule === null || rule === undefined || tok === null || toneless || tok === rule;
}

/** Few syllables carry diacritics (< 15 %): the text was typed without them. */
function isToneless(toks: readonly KeyToken[]): boolean {
  let letters = 0;
  let marked = 0;
  for (const t of toks) {
    if (t.sig === null || startsWithDigit(t.key)) continue;
    letters++;
    if (t.sig !== '') marked++;
  }
  return letters === 0 || marked / letters < 0.15;
}

// Chat forms of weekdays and months: "t2" is thứ hai before "tuần/này/tới/sau" or after "vào/sáng/
// chiều/tối", and tháng 2 after "từ/đến/trước/cuối/đầu" or before a year; "cn" is chủ nhật in the same
// day contexts; "th2" is always tháng 2. Otherwise the token is left alone (ambiguous).
const DAY_NEXT = new Set(['tuan', 'nay', 'toi', 'sau']);
const DAY_PREV = new Set(['vao', 'sang', 'chieu', 'toi', 'trua', 'dem', 'moi', 'cac', 'hom']);
const MONTH_PREV = new Set(['tu', 'den', 'truoc', 'cuoi', 'dau', 'giua', 'het', 'trong', 'thang']);
const WEEKDAY_WORDS: Readonly<Record<string, string>> = { hai: '2', ba: '3', tu: '4', nam: '5', sau: '6', bay: '7' };

/** The weekday or month a chat token names in its context ("t2 tuần sau" → thu2), else null. */
function calendarKeys(toks: readonly KeyToken[], i: number): string[] | null {
  const t = toks[i] as KeyToken;
  const prev = toks[i - 1]?.key;
  const next = toks[i + 1]?.key;
  const dayContext = (next !== undefined && DAY_NEXT.has(next)) || (prev !== undefined && DAY_PREV.has(prev));
  const monthContext = (prev !== undefined && MONTH_PREV.has(prev)) || (next !== undefined && /^(19|20)\d\d$/.test(next));
  if (t.key === 'cn' || t.key === 'chunhat') return dayContext || t.key === 'chunhat' ? ['chunhat'] : null;
  let m = /^th(\d{1,2})$/.exec(t.key);
  if (m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 12) return ['thang', String(Number(m[1]))];
  m = /^t(\d{1,2})$/.exec(t.key);
  if (m === null) return null;
  const n = Number(m[1]);
  if (n >= 2 && n <= 7 && (next === 'tuan' || (dayContext && !monthContext))) return [`thu${n}`];
  if (n >= 1 && n <= 12 && (monthContext || (n === 1 || n >= 8) && dayContext)) return ['thang', String(n)];
  return null;
}

/** "thứ hai" / "thứ 2" as a weekday (before "tuần/này/tới/sau" or after "vào/từ/sáng..."), else null. */
function weekdayAt(toks: readonly KeyToken[], i: number, toneless: boolean): string | null {
  const t = toks[i] as KeyToken;
  const w = toks[i + 1];
  if (t.key !== 'thu' || w === undefined || !sigFits('\u0301\u031b', t.sig, toneless)) return null;
  const d = WEEKDAY_WORDS[w.key] ?? (/^[2-7]$/.test(w.key) ? w.key : undefined);
  if (d === undefined) return null;
  const prev = toks[i - 1]?.key;
  const next = toks[i + 2]?.key;
  const day = (next !== undefined && DAY_NEXT.has(next)) || (prev !== undefined && (DAY_PREV.has(prev) || prev === 'tu' || prev === 'den'));
  return day ? `thu${d}` : null;
}

/** A chat token that may name a weekday or a month: "t2", "th12", "cn" (cheap test before the regexes). */
function maybeCalendar(key: string): boolean {
  if (key === 'cn') return true;
  const n = key.length;
  if (n < 2 || n > 4 || key.charCodeAt(0) !== 116) return false;
  const c = key.charCodeAt(n - 1);
  return c >= 48 && c <= 57;
}

/** `tl`: whether the text is toneless, -1 until first needed (computed once per text). */
function ruleFits(r: PhraseRule, toks: KeyToken[], i: number, tl: { v: number }): boolean {
  // The first word is the lookup key.
  for (let j = 1; j < r.from.length; j++) {
    const t = toks[i + j];
    if (t === undefined || t.key !== r.from[j]) return false;
  }
  for (let j = 0; j < r.from.length; j++) {
    const want = r.sigs[j];
    if (want === null || want === undefined) continue;
    const sig = (toks[i + j] as KeyToken).sig;
    if (sig === null || sig === want) continue;
    if (tl.v < 0) tl.v = isToneless(toks) ? 1 : 0;
    if (tl.v === 0) return false;
  }
  return true;
}

/** Rewrites paraphrase variants to one canonical key sequence, keeping raw offsets. */
function canonicalize(toks: KeyToken[]): KeyToken[] {
  const out: KeyToken[] = [];
  // Whether the text was typed without diacritics, computed only when a variant's marks must be checked.
  const tl = { v: -1 };
  for (let i = 0; i < toks.length; ) {
    const t = toks[i] as KeyToken;
    if (t.key === 'thu') {
      if (tl.v < 0) tl.v = isToneless(toks) ? 1 : 0;
      const day = weekdayAt(toks, i, tl.v === 1);
      if (day !== null) {
        out.push({ key: day, start: t.start, end: (toks[i + 1] as KeyToken).end, capital: t.capital, sig: null });
        i += 2;
        continue;
      }
    }
    const cal = maybeCalendar(t.key) ? calendarKeys(toks, i) : null;
    if (cal !== null) {
      for (const key of cal) out.push({ key, start: t.start, end: t.end, capital: t.capital, sig: null });
      i++;
      continue;
    }
    const rules = RULES_BY_FIRST.get(t.key);
    let applied = false;
    if (rules !== undefined) {
      for (const r of rules) {
        if (!ruleFits(r, toks, i, tl)) continue;
        if (r.same) {
          for (let j = 0; j < r.from.length; j++) out.push(toks[i + j] as KeyToken);
        } else {
          const last = toks[i + r.from.length - 1] as KeyToken;
          // A name only when every word of it was capitalised ("Sài Gòn", not "Danh hài" opening a sentence).
          let capital = true;
          for (let j = 0; j < r.from.length; j++) capital &&= (toks[i + j] as KeyToken).capital;
          for (const key of r.to) out.push({ key, start: t.start, end: last.end, capital, sig: null });
        }
        i += r.from.length;
        applied = true;
        break;
      }
    }
    if (!applied) {
      out.push(t);
      i++;
    }
  }
  return out;
}

function parseNumber(key: string, next: string | undefined): number | null {
  if (!startsWithDigit(key)) return null;
  const m = /^(\d+(?:[.,]\d+)*)([a-z]*)$/.exec(key);
  if (m === null) return null;
  const digits = m[1] ?? '';
  const suffix = m[2] ?? '';
  const value = /^\d{1,3}(?:[.,]\d{3})+$/.test(digits)
    ? Number(digits.replace(/[.,]/g, ''))
    : Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const mult = MULTIPLIERS[suffix] ?? (suffix === '' && next !== undefined ? (MULTIPLIERS[next] ?? 1) : 1);
  return value * mult;
}

const NUMBER_WORD_SIGS = new Map(
  ['một', 'hai', 'ba', 'bốn', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'].map((w) => [foldDiacritics(w), diacriticSig(w)]),
);

/** Numeric value of keyToks[i] ("500k", "7,5", "hai" before "tuần"), else null. */
function numberAt(keyToks: readonly KeyToken[], i: number): number | null {
  const t = keyToks[i] as KeyToken;
  const next = keyToks[i + 1]?.key;
  let num = parseNumber(t.key, next);
  if (num === null && next !== undefined && NUMBER_UNITS.has(next)) {
    const w = NUMBER_WORDS[t.key];
    // "từ tuần sau" is not "tư tuần": with diacritics, the marks must be the number word's.
    const sig = NUMBER_WORD_SIGS.get(t.key);
    if (w !== undefined && (t.sig === null || t.sig === '' || t.sig === sig)) num = w * (MULTIPLIERS[next] ?? 1);
  }
  return num;
}

/**
 * Content keys of a text in order, the same ones `analyze` marks as content, without sentences, cues
 * or per-token objects: what the index needs from each claim.
 */
export function contentKeys(raw: string): string[] {
  const keyToks = canonicalize(claimKeyTokens(raw));
  const out: string[] = [];
  for (let i = 0; i < keyToks.length; i++) {
    const k = (keyToks[i] as KeyToken).key;
    if (STOPWORDS.has(k) || /^\d/.test(k)) continue;
    if (numberAt(keyToks, i) === null) out.push(k);
  }
  return out;
}

/** What the index keeps of a claim: its content keys, which of them are names/places, and name joins. */
export interface IndexKeys {
  keys: string[];
  /** Content keys that are names or places (capitalised, as the verifier's `entities`). */
  entities: string[];
  /** [joined, a, b] for a name written in two syllables ("Kon Tum" → "kontum"), as the verifier's. */
  entityJoins: Array<[string, string, string]>;
  /**
   * Initials of every run of 2–4 capitalised tokens, across sentences and numbers: a superset of
   * the verifier's name initials, so a bound that trusts it never prunes what could match.
   */
  initials: string[];
}

/**
 * `contentKeys` plus the claim's names/places and joins, by the same rules `analyze` + the verifier
 * apply (capitalised content syllable, not a sentence's lone first word), without building tokens.
 */
export function indexKeys(raw: string): IndexKeys {
  const spans = sentenceSpans(raw);
  const keyToks = canonicalize(claimKeyTokens(raw));
  const n = keyToks.length;
  const sent = new Int32Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = keyToks[i] as KeyToken;
    while (s < spans.length - 1 && t.start >= (spans[s] as { end: number }).end) s++;
    sent[i] = s;
  }
  const keys: string[] = [];
  const entities: string[] = [];
  const entityJoins: Array<[string, string, string]> = [];
  // 0: content, 1: stopword, 2: number (as `isContent` on analysed tokens).
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = (keyToks[i] as KeyToken).key;
    kind[i] = startsWithDigit(k) || numberAt(keyToks, i) !== null ? 2 : STOPWORDS.has(k) ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    const t = keyToks[i] as KeyToken;
    const k = t.key;
    const nx = keyToks[i + 1];
    const nextCap = nx !== undefined && nx.capital && sent[i + 1] === sent[i];
    if (kind[i] !== 0) {
      // As the verifier: a name whose first syllable is a function word ("Cần Thơ") keeps its joins.
      if (kind[i] === 1 && t.capital && nextCap && nx !== undefined && kind[i + 1] === 0) {
        for (const j of nameJoins(k, nx.key)) entityJoins.push([j, k, nx.key]);
      }
      continue;
    }
    keys.push(k);
    if (!t.capital) continue;
    // A sentence's first token: no earlier token in the same sentence (sentences exist only with spans).
    const first = spans.length > 0 && (i === 0 || sent[i - 1] !== sent[i]);
    if (first && !nextCap) continue;
    if (!entities.includes(k)) entities.push(k);
    if (nextCap && nx !== undefined) for (const j of nameJoins(k, nx.key)) entityJoins.push([j, k, nx.key]);
  }
  const initials = new Set<string>();
  for (let i = 0; i < n; i++) {
    let ini = '';
    for (let j = i; j < n && j < i + 4 && (keyToks[j] as KeyToken).capital; j++) {
      ini += (keyToks[j] as KeyToken).key[0] ?? '';
      if (j > i) initials.add(ini);
    }
  }
  return { keys, entities, entityJoins, initials: [...initials] };
}

/**
 * How a two-syllable name may be written as one token: joined ("Kontum") and, when they cannot be read
 * as a word, its initials ("CT" for Cần Thơ, "TĐ" for Thủ Đức; not "LA", which is "là").
 */
export function nameJoins(a: string, b: string): string[] {
  const initials = (a[0] ?? '') + (b[0] ?? '');
  return /^[a-z]{2}$/.test(initials) && !isPlausibleSyllable(initials) && !STOPWORDS.has(initials) ? [a + b, initials] : [a + b];
}

/** Analyses raw text once: tokens (canonical keys), numbers and sentences. */
/** `core`: the text core's keyTokens(raw) when the caller has them already (the shared document analysis). */
export function analyze(raw: string, core?: readonly CoreKeyToken[]): Analysis {
  const spans = sentenceSpans(raw);
  const keyToks = canonicalize(claimKeyTokens(raw, core));
  const toks: Tok[] = new Array<Tok>(keyToks.length);
  const sentences: Analysis['sentences'] = new Array<Analysis['sentences'][number]>(spans.length);
  for (let j = 0; j < spans.length; j++) {
    const sp = spans[j] as { start: number; end: number };
    sentences[j] = { start: sp.start, end: sp.end, firstTok: -1, endTok: -1 };
  }
  let s = 0;
  let letters = 0;
  let marked = 0;
  for (let i = 0; i < keyToks.length; i++) {
    const t = keyToks[i] as KeyToken;
    while (s < spans.length - 1 && t.start >= (spans[s] as { end: number }).end) s++;
    // Same fields and order as a spread of the key token, without the spread's cost.
    const tok: Tok = { key: t.key, start: t.start, end: t.end, capital: t.capital, sig: t.sig, sentence: s, num: numberAt(keyToks, i) };
    toks[i] = tok;
    const sen = sentences[s];
    if (sen !== undefined) {
      if (sen.firstTok < 0) sen.firstTok = i;
      sen.endTok = i + 1;
    }
    if (tok.sig === null || tok.num !== null) continue;
    letters++;
    if (tok.sig !== '') marked++;
  }
  return { raw, toks, sentences, cues: findCues(toks, 0, toks.length), toneless: letters === 0 || marked / letters < 0.15 };
}

/** A key that carries meaning: not a stopword, not a number. */
export function isContent(t: Tok): boolean {
  return t.num === null && !STOPWORDS.has(t.key) && !startsWithDigit(t.key);
}

/** `/^\d/.test(s)` without the regex (hot: every token of every document). */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export interface CueHit {
  kind: CueKind;
  phrase: string;
  tok: number;
}

const CUES_BY_FIRST = new Map<string, Array<{ kind: CueKind; words: string[]; phrase: string }>>();
for (const [kind, list] of Object.entries(CUES) as Array<[CueKind, readonly string[]]>) {
  for (const phrase of list) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const bucket = CUES_BY_FIRST.get(first) ?? [];
    bucket.push({ kind, words, phrase });
    // Longest phrase first, so "khong dung su that" wins over "khong dung".
    bucket.sort((a, b) => b.words.length - a.words.length);
    CUES_BY_FIRST.set(first, bucket);
  }
}

/**
 * Cue phrases in toks[from, to). A debunk cue right after "không (phải)" ("không phải tin giả") is an
 * assertion, so it counts as a chain cue instead.
 */
export function findCues(toks: Tok[], from: number, to: number): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = Math.max(0, from); i < to; i++) {
    const bucket = CUES_BY_FIRST.get((toks[i] as Tok).key);
    if (bucket === undefined) continue;
    const cue = bucket.find((c) => i + c.words.length <= to && c.words.every((w, j) => toks[i + j]?.key === w));
    if (cue === undefined) continue;
    // "thật không thể tin nổi" is an exclamation, not "... thật không?".
    if (cue.kind === 'question' && cue.words[cue.words.length - 1] === 'khong' && toks[i + cue.words.length]?.key === 'the') continue;
    const p1 = toks[i - 1]?.key;
    const p2 = toks[i - 2]?.key;
    const negatedCue = cue.kind.startsWith('debunk') && (p1 === 'khong' || (p1 === 'phai' && p2 === 'khong'));
    hits.push({ kind: negatedCue ? 'chain' : cue.kind, phrase: negatedCue ? `khong phai ${cue.phrase}` : cue.phrase, tok: i });
    i += cue.words.length - 1;
  }
  return hits;
}

/** Yes/no question endings in a sentence: "... không (ạ/vậy)?" or a question mark. */
export function isQuestionSentence(a: Analysis, sentence: number): boolean {
  const sp = a.sentences[sentence];
  if (sp === undefined) return false;
  if (a.raw.slice(sp.start, sp.end).includes('?')) return true;
  if (sp.firstTok < 0) return false;
  let i = sp.endTok - 1;
  while (i > sp.firstTok && QUESTION_TAIL.has(a.toks[i]?.key ?? '')) i--;
  if (a.toks[i]?.key === 'khong' && i > sp.firstTok) return true;
  // A clause in "có ... không" form before a comma ("X có sắp phun trào không vậy, thấy trên mạng nói").
  let clauseStart = sp.firstTok;
  for (let j = sp.firstTok + 1; j < sp.endTok; j++) {
    const prev = a.toks[j - 1] as Tok;
    if (!/[,:;]/.test(a.raw.slice(prev.end, (a.toks[j] as Tok).start))) continue;
    let k = j - 1;
    while (k > clauseStart && QUESTION_TAIL.has(a.toks[k]?.key ?? '')) k--;
    if (a.toks[k]?.key === 'khong') {
      for (let m = clauseStart; m < k - 1; m++) if (a.toks[m]?.key === 'co') return true;
    }
    clauseStart = j;
  }
  return false;
}

/**
 * Content keys under a denial in toks[from, to): "không gây vô sinh" → {gay, vo, sinh}. Prohibitions
 * ("không được", "tuyệt đối không") and conditions ("nếu không") are not denials.
 */
export function negationScope(a: Analysis, from: number, to: number, restrictTo: ReadonlySet<string>): Set<string> {
  const scope = new Set<string>();
  forEachNegated(a, from, to, (j) => {
    const k = (a.toks[j] as Tok).key;
    if (restrictTo.has(k)) scope.add(k);
  });
  return scope;
}

/**
 * Keys of `restrictTo` right after "không được" (up to three syllables, within the clause): a
 * prohibition ("không được hút thuốc") or a passive denial ("không được bồi thường"), so neither
 * reading is held against a text that says "không bồi thường" or leaves the negation out.
 */
export function ambiguousNegationScope(a: Analysis, restrictTo: ReadonlySet<string>): Set<string> {
  const scope = new Set<string>();
  for (let i = 0; i + 1 < a.toks.length; i++) {
    const t = a.toks[i] as Tok;
    if (!NEGATIONS.has(t.key) || (a.toks[i + 1] as Tok).key !== 'duoc') continue;
    for (let j = i + 2; j < Math.min(a.toks.length, i + 5); j++) {
      const u = a.toks[j] as Tok;
      const before = a.toks[j - 1] as Tok;
      if (u.sentence !== t.sentence || /[,:;–—-]/.test(a.raw.slice(before.end, u.start))) break;
      if (restrictTo.has(u.key)) scope.add(u.key);
    }
  }
  return scope;
}

/** Indices of the tokens of toks[from, to) under a denial (same scope as `negationScope`). */
export function negatedTokens(a: Analysis, from: number, to: number): Set<number> {
  const out = new Set<number>();
  forEachNegated(a, from, to, (j) => out.add(j));
  return out;
}

function forEachNegated(a: Analysis, from: number, to: number, f: (tok: number) => void): void {
  for (let i = from; i < to; i++) {
    const t = a.toks[i] as Tok;
    if (!NEGATIONS.has(t.key)) continue;
    const next = a.toks[i + 1];
    const prev = a.toks[i - 1];
    if (next === undefined || next.sentence !== t.sentence) continue; // sentence-final: a question
    if (NEGATION_EXEMPT_NEXT.has(next.key)) continue;
    if (prev !== undefined && prev.sentence === t.sentence && NEGATION_EXEMPT_PREV.has(prev.key)) continue;
    // Scope: the next three syllables, stopping at a clause break (comma, colon, dash).
    for (let j = i + 1; j < Math.min(to, i + 4); j++) {
      const u = a.toks[j] as Tok;
      const before = a.toks[j - 1] as Tok;
      if (u.sentence !== t.sentence || /[,:;–—-]/.test(a.raw.slice(before.end, u.start))) break;
      f(j);
    }
  }
}

interface PhraseWord {
  key: string;
  sig: string;
}

/** A phrase table compiled for token matching: first key → phrases (longest first) with their labels. */
export type PhraseTable = Map<string, Array<{ words: PhraseWord[]; labels: string[]; phrase: string }>>;

/** Compiles phrases written with diacritics (or folded) into a table; labels say what each phrase means. */
export function compilePhrases(entries: ReadonlyArray<[string, string]>): PhraseTable {
  const byPhrase = new Map<string, { words: PhraseWord[]; labels: string[]; phrase: string }>();
  for (const [label, phrase] of entries) {
    const words = phrase
      .normalize('NFC')
      .split(' ')
      .map((w) => ({ key: foldDiacritics(w).toLowerCase().replace(/đ/g, 'd'), sig: diacriticSig(w) }));
    const id = phrase.normalize('NFC').toLowerCase();
    const hit = byPhrase.get(id);
    if (hit !== undefined) {
      if (!hit.labels.includes(label)) hit.labels.push(label);
      continue;
    }
    byPhrase.set(id, { words, labels: [label], phrase: words.map((w) => w.key).join(' ') });
  }
  const table: PhraseTable = new Map();
  for (const e of byPhrase.values()) {
    const first = e.words[0]?.key ?? '';
    const list = table.get(first) ?? [];
    list.push(e);
    list.sort((x, y) => y.words.length - x.words.length);
    table.set(first, list);
  }
  return table;
}

export interface PhraseHit {
  phrase: string;
  labels: string[];
  tok: number;
  len: number;
}

/**
 * Phrases of the table in toks[from, to), longest first, without overlap. With diacritics on both
 * sides the marks must agree ("vỡ" is not "vô"); keys made by teencode or text typed without
 * diacritics compare on the folded key.
 */
export function findPhrases(a: Analysis, from: number, to: number, table: PhraseTable): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = Math.max(0, from); i < to; i++) {
    const list = table.get((a.toks[i] as Tok).key);
    if (list === undefined) continue;
    const e = list.find(
      (c) =>
        i + c.words.length <= to &&
        c.words.every((w, j) => {
          const t = a.toks[i + j] as Tok;
          return t.key === w.key && (a.toneless || t.sig === null || t.sig === w.sig);
        }),
    );
    if (e === undefined) continue;
    hits.push({ phrase: e.phrase, labels: e.labels, tok: i, len: e.words.length });
    i += e.words.length - 1;
  }
  return hits;
}
