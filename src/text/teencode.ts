/**
 * Teencode and slang: the project's own dictionary (used by the matching key, conservative) and
 * the display-mode chooser that adds counts learned from ViLexNorm train (lexnorm-dict.json).
 */
import lexnorm from './lexnorm-dict.json' with { type: 'json' };

/** A key-mode entry: `key` is the folded expansion; `alts` other readings kept for ambiguous forms. */
export interface KeyEntry {
  key: string;
  alts?: readonly string[];
  /** Expansion applies only when the context test passes (otherwise the form is kept as written). */
  when?: 'not-after-number' | 'standalone';
}

/**
 * Conservative key expansions (folded, lower case). Only forms whose everyday reading is clear;
 * profanity acronyms (dm, vl, vcl...) are NOT expanded: the rules engine matches them as written,
 * and expanding them would fold plain words into profanity.
 */
export const KEY_TEENCODE: Readonly<Record<string, KeyEntry>> = {
  ko: { key: 'khong' }, k: { key: 'khong', when: 'not-after-number' }, kh: { key: 'khong' }, hok: { key: 'khong' },
  hong: { key: 'khong', alts: ['hong'] }, khum: { key: 'khong' }, hem: { key: 'khong', alts: ['hem'] }, kg: { key: 'khong', when: 'not-after-number' },
  hk: { key: 'khong' }, kô: { key: 'khong' }, khg: { key: 'khong' }, khog: { key: 'khong' }, kp: { key: 'khong phai' },
  dc: { key: 'duoc' }, đc: { key: 'duoc' }, dk: { key: 'duoc', alts: ['dang ky', 'dieu kien'] }, đk: { key: 'duoc', alts: ['dang ky', 'dieu kien'] },
  j: { key: 'gi', when: 'standalone' }, gj: { key: 'gi' }, mn: { key: 'moi nguoi' }, mng: { key: 'moi nguoi' }, ae: { key: 'anh em' },
  bt: { key: 'biet', alts: ['binh thuong'] }, bik: { key: 'biet' }, bjk: { key: 'biet' }, ntn: { key: 'nhu the nao' },
  vs: { key: 'voi' }, r: { key: 'roi', when: 'standalone' }, rùi: { key: 'roi' }, rui: { key: 'roi', alts: ['rui'] },
  ck: { key: 'ck', alts: ['chong', 'chuyen khoan'] }, vk: { key: 'vo' }, cx: { key: 'cung' }, cg: { key: 'cung' },
  mk: { key: 'minh' }, mik: { key: 'minh' }, mh: { key: 'minh' }, ny: { key: 'nguoi yeu' }, ng: { key: 'nguoi', when: 'standalone' },
  sdt: { key: 'so dien thoai' }, sđt: { key: 'so dien thoai' }, stk: { key: 'so tai khoan' }, tk: { key: 'tai khoan', alts: ['tk'] },
  nc: { key: 'nuoc', alts: ['noi chuyen'] }, ns: { key: 'noi', alts: ['noi sao'] }, trc: { key: 'truoc' }, lm: { key: 'lam' },
  thik: { key: 'thich' }, thjk: { key: 'thich' }, iu: { key: 'yeu' }, lun: { key: 'luon' }, wa: { key: 'qua' },
  ms: { key: 'moi' }, nx: { key: 'nua' }, z: { key: 'vay', when: 'standalone' }, zậy: { key: 'vay' }, zay: { key: 'vay' },
  dzậy: { key: 'vay' }, v: { key: 'vay', when: 'standalone' }, bn: { key: 'ban', alts: ['bao nhieu'] }, bnh: { key: 'bao nhieu' },
  bnhiu: { key: 'bao nhieu' }, nhiu: { key: 'nhieu' }, trl: { key: 'tra loi' }, tl: { key: 'tra loi' }, ib: { key: 'inbox' },
  ad: { key: 'admin' }, sp: { key: 'san pham' }, thui: { key: 'thoi' }, hum: { key: 'hom' },
  ak: { key: 'a' }, uk: { key: 'u' }, oy: { key: 'roi' }, gòi: { key: 'roi' }, zui: { key: 'vui' }, zô: { key: 'vo' },
  ctv: { key: 'cong tac vien' }, cty: { key: 'cong ty' }, tp: { key: 'thanh pho' }, bh: { key: 'bao gio', alts: ['ban hang'] },
};

const KEY_MAP = new Map(Object.entries(KEY_TEENCODE));

/** Looks up a folded-lower-case word in the key dictionary. */
export function keyEntry(word: string): KeyEntry | undefined {
  return KEY_MAP.get(word);
}

type Counts = Record<string, number>;
const LEX = lexnorm as unknown as { unigram: Record<string, Counts>; left: Record<string, Counts>; right: Record<string, Counts> };

// Display never turns a look-alike ("lol", "cu", "lon") into a profanity: that call is the detectors'.
const PROFANITY = new Set(['lồn', 'cặc', 'buồi', 'địt', 'đụ', 'đĩ', 'dái']);

/** Weight of a context observation relative to a bare unigram count (tuned on ViLexNorm dev). */
export const CONTEXT_WEIGHT = 4;

type Counted = ReadonlyArray<readonly [string, number]>;

/** Everything display needs about one word of the dictionary, found with look-ups and no string building. */
export interface LexEntry {
  readonly uni: Counted;
  /** Counts after a given previous word / before a given next word. */
  readonly left: Map<string, Counted>;
  readonly right: Map<string, Counted>;
  /** The unigram choice (no context matched), computed on first use. */
  best?: string | null;
  /** Choices with context, by the left then the right count list (null: none), computed on first use. */
  readonly byContext: Map<Counted | null, Map<Counted | null, string | null>>;
}

// Built once from the JSON; entry order follows Object.entries, as the scoring's tie-break always has.
const LEX_ENTRIES = new Map<string, LexEntry>();
for (const [word, counts] of Object.entries(LEX.unigram)) LEX_ENTRIES.set(word, { uni: Object.entries(counts), left: new Map(), right: new Map(), byContext: new Map() });
for (const [side, table] of [['left', LEX.left], ['right', LEX.right]] as const) {
  for (const [pair, counts] of Object.entries(table)) {
    const bar = pair.indexOf('|');
    // Words never contain '|', so only "a|b" keys can ever be looked up.
    if (bar < 0 || pair.indexOf('|', bar + 1) >= 0) continue;
    const [word, other] = side === 'left' ? [pair.slice(bar + 1), pair.slice(0, bar)] : [pair.slice(0, bar), pair.slice(bar + 1)];
    LEX_ENTRIES.get(word)?.[side].set(other, Object.entries(counts));
  }
}

function unigramBest(word: string, e: LexEntry): string | undefined {
  if (e.best !== undefined) return e.best ?? undefined;
  let best = word;
  let bestScore = 0;
  for (const [t, c] of e.uni) if (t === word) bestScore = c;
  for (const [t, c] of e.uni) {
    if (c > bestScore) {
      best = t;
      bestScore = c;
    }
  }
  const res = best === word || PROFANITY.has(best) ? undefined : best;
  e.best = res ?? null;
  return res;
}

/**
 * Display-mode choice for one lower-case word given its neighbours (lower case, '' at the edges):
 * the expansion with the most evidence, or undefined to keep the word. Context counts outweigh
 * bare counts, so "ck" after "chuyển" can differ from "ck" after "vk".
 */
export function chooseDisplay(word: string, prev: string, next: string): string | undefined {
  const e = LEX_ENTRIES.get(word);
  if (e === undefined) return undefined;
  if (word.includes('|') || prev.includes('|') || next.includes('|')) return chooseByKeys(word, prev, next);
  return chooseWith(e, word, prev, next);
}

/** The display-dictionary entry of a lower-case word, or undefined when display never changes it alone. */
export function lexEntry(word: string): LexEntry | undefined {
  return LEX_ENTRIES.get(word);
}

/**
 * chooseDisplay for `word` whose entry `e` is known, when none of the three contains '|' (words from
 * the tokenizer never do). The result depends only on the entry and the two context lists, so it is
 * memoised per pair of lists: a bounded cost, as the lists come from the dictionary.
 */
export function chooseWith(e: LexEntry, word: string, prev: string, next: string): string | undefined {
  const l = e.left.get(prev) ?? null;
  const r = e.right.get(next) ?? null;
  if (l === null && r === null) return unigramBest(word, e);
  let byRight = e.byContext.get(l);
  if (byRight === undefined) {
    byRight = new Map();
    e.byContext.set(l, byRight);
  }
  let res = byRight.get(r);
  if (res === undefined) {
    const score = new Map<string, number>();
    for (const [t, c] of e.uni) score.set(t, c);
    if (l !== null) for (const [t, c] of l) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
    if (r !== null) for (const [t, c] of r) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
    res = pickBest(word, score) ?? null;
    byRight.set(r, res);
  }
  return res ?? undefined;
}

function pickBest(word: string, score: ReadonlyMap<string, number>): string | undefined {
  let best = word;
  let bestScore = score.get(word) ?? 0;
  for (const [t, s] of score) {
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  if (best === word || PROFANITY.has(best)) return undefined;
  return best;
}

// The look-up by "prev|word" / "word|next" keys, for words that themselves contain '|'.
function chooseByKeys(word: string, prev: string, next: string): string | undefined {
  const own = (o: Record<string, Counts>, k: string): Counts | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);
  const uni = own(LEX.unigram, word);
  if (uni === undefined) return undefined;
  const l = own(LEX.left, `${prev}|${word}`);
  const r = own(LEX.right, `${word}|${next}`);
  const score = new Map<string, number>();
  for (const [t, c] of Object.entries(uni)) score.set(t, c);
  if (l !== undefined) for (const [t, c] of Object.entries(l)) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
  if (r !== undefined) for (const [t, c] of Object.entries(r)) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
  return pickBest(word, score);
}

const MONEY_CUES = new Set(['tien', 'tk', 'stk', 'tai', 'khoan', 'ngan', 'hang', 'bank', 'vietcombank', 'momo', 'coc', 'gia', 'ship', 'phi', 'k', 'tr', 'trieu', 'nghin', 'ngan', 'dong', 'vnd', 'vnđ', 'qua', 'vao', 'ib', 'inbox']);
const FAMILY_CUES = new Set(['vk', 'vo', 'con', 'chong', 'nha', 'yeu', 'cuoi', 'ba', 'me', 'bo', 'anh', 'em']);

/**
 * "ck" is chồng (husband) in chat and chuyển khoản (bank transfer) in trade and scams: look two
 * words either side of index i (folded; i < 0: the whole list) for money or family cues. Returns
 * undefined when neither kind wins.
 */
export function readCk(folded: readonly string[], i: number, numberNear: boolean): 'chuyen khoan' | 'chong' | undefined {
  let money = numberNear ? 1 : 0;
  let family = 0;
  const from = i < 0 ? 0 : Math.max(0, i - 3);
  const to = i < 0 ? folded.length - 1 : i + 3;
  for (let k = from; k <= to && k < folded.length; k++) {
    if (k === i) continue;
    const w = folded[k] ?? '';
    if (MONEY_CUES.has(w)) money++;
    if (FAMILY_CUES.has(w)) family++;
  }
  if (money > family) return 'chuyen khoan';
  if (family > money) return 'chong';
  return undefined;
}
