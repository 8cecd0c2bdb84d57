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
// Maps, not the JSON objects: look-ups run for every word of every document.
const UNIGRAM = new Map(Object.entries(LEX.unigram));
const LEFT = new Map(Object.entries(LEX.left));
const RIGHT = new Map(Object.entries(LEX.right));

// Display never turns a look-alike ("lol", "cu", "lon") into a profanity: that call is the detectors'.
const PROFANITY = new Set(['lồn', 'cặc', 'buồi', 'địt', 'đụ', 'đĩ', 'dái']);

/** Weight of a context observation relative to a bare unigram count (tuned on ViLexNorm dev). */
export const CONTEXT_WEIGHT = 4;

const UNI_BEST = new Map<string, string | undefined>();

function unigramBest(word: string, uni: Counts): string | undefined {
  if (UNI_BEST.has(word)) return UNI_BEST.get(word);
  let best = word;
  let bestScore = uni[word] ?? 0;
  for (const [t, c] of Object.entries(uni)) {
    if (c > bestScore) {
      best = t;
      bestScore = c;
    }
  }
  const res = best === word || PROFANITY.has(best) ? undefined : best;
  UNI_BEST.set(word, res);
  return res;
}

/**
 * Display-mode choice for one lower-case word given its neighbours (lower case, '' at the edges):
 * the expansion with the most evidence, or undefined to keep the word. Context counts outweigh
 * bare counts, so "ck" after "chuyển" can differ from "ck" after "vk".
 */
export function chooseDisplay(word: string, prev: string, next: string): string | undefined {
  const uni = UNIGRAM.get(word);
  if (uni === undefined) return undefined;
  const l0 = LEFT.get(`${prev}|${word}`);
  const r0 = RIGHT.get(`${word}|${next}`);
  if (l0 === undefined && r0 === undefined) return unigramBest(word, uni);
  const score = new Map<string, number>();
  for (const [t, c] of Object.entries(uni)) score.set(t, c);
  const l = l0;
  const r = r0;
  if (l !== undefined) for (const [t, c] of Object.entries(l)) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
  if (r !== undefined) for (const [t, c] of Object.entries(r)) score.set(t, (score.get(t) ?? 0) + CONTEXT_WEIGHT * c);
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
