/**
 * A seeded generator of Vietnamese-looking comments with planted near-duplicates, for tests and the
 * benchmark. Syllables are built from onsets, vowels, codas and tone marks (no dataset text is used),
 * with Zipf-like frequencies and a few real function words so that unrelated texts share common
 * words the way real comments do.
 */

import { seededRandom } from '../../core/random.js';

export { seededRandom };

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'iê', 'oa', 'ươ', 'uô'];
const CODAS = ['', '', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const COMMON = [
  'không',
  'được',
  'người',
  'của',
  'và',
  'là',
  'có',
  'cho',
  'với',
  'những',
  'rồi',
  'gì',
  'mình',
  'cũng',
  'này',
  'một',
  'các',
  'đã',
];
// Teencode spellings a commenter might use for common words.
const TEENCODE: Record<string, string> = {
  không: 'ko',
  được: 'dc',
  gì: 'j',
  rồi: 'r',
  với: 'vs',
  mình: 'mk',
  cũng: 'cx',
  người: 'ng',
};

export interface Vocabulary {
  words: string[];
  /** Cumulative weights for Zipf-like sampling. */
  cumulative: Float64Array;
}

/** A vocabulary of `size` generated syllables plus common words, Zipf-weighted. */
export function makeVocabulary(size: number, rnd: () => number): Vocabulary {
  const seen = new Set<string>(COMMON);
  const words = [...COMMON];
  while (words.length < size) {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const v = pick(VOWELS);
    const toned = (v.length > 1 ? v[0] + (v[1] as string) : v) + pick(TONES);
    const w = (pick(ONSETS) + toned + pick(CODAS)).normalize('NFC');
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cumulative = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) {
    acc += 1 / Math.pow(i + 1, 0.9);
    cumulative[i] = acc;
  }
  return { words, cumulative };
}

function sampleWord(v: Vocabulary, rnd: () => number): string {
  const total = v.cumulative[v.cumulative.length - 1] as number;
  const x = rnd() * total;
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cumulative[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

/** A comment of `min`..`max` syllables in sentences of 5–15 syllables. */
export function makeText(v: Vocabulary, rnd: () => number, min = 8, max = 60): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const out: string[] = [];
  let sentence = 0;
  let target = 5 + Math.floor(rnd() * 11);
  for (let i = 0; i < n; i++) {
    let w = sampleWord(v, rnd);
    if (sentence === 0) w = (w[0] ?? '').toUpperCase() + w.slice(1);
    sentence++;
    if (sentence >= target || i === n - 1) {
      w += rnd() < 0.8 ? '.' : '!';
      sentence = 0;
      target = 5 + Math.floor(rnd() * 11);
    } else if (rnd() < 0.05) {
      w += ',';
    }
    out.push(w);
  }
  return out.join(' ');
}

export const EDIT_KINDS = [
  'insert',
  'delete',
  'substitute',
  'truncate',
  'strip-diacritics',
  'teencode',
  'first-letter',
  'stray-letter',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Applies one edit of the given kind to a text (a copy with small changes). */
export function editText(text: string, kind: EditKind, v: Vocabulary, rnd: () => number): string {
  const words = text.split(' ');
  const at = (): number => Math.floor(rnd() * words.length);
  switch (kind) {
    case 'insert':
      words.splice(at(), 0, sampleWord(v, rnd));
      break;
    case 'delete':
      if (words.length > 1) words.splice(at(), 1);
      break;
    case 'substitute':
      words[at()] = sampleWord(v, rnd);
      break;
    case 'truncate':
      words.length = Math.max(1, Math.ceil(words.length * (0.75 + 0.2 * rnd())));
      break;
    case 'strip-diacritics':
      return text
        .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .normalize('NFC');
    case 'teencode':
      return words.map((w) => TEENCODE[w] ?? w).join(' ');
    case 'first-letter':
      return text.slice(1);
    case 'stray-letter':
      return text + 'f';
  }
  return words.join(' ');
}

export interface SyntheticDoc {
  id: string;
  text: string;
  author: string;
  outletId: string;
  publishedAt: number;
  /** Index of the original this document was copied from, or -1 for an original. */
  copyOf: number;
}

export interface CorpusOptions {
  docs: number;
  /** Share of documents that are edited copies of an earlier document. */
  duplicateShare: number;
  /** Edits applied to each copy: 1..maxEdits, kinds drawn uniformly. */
  maxEdits: number;
  seed: number;
  vocabulary: number;
  minWords: number;
  maxWords: number;
}

export const DEFAULT_CORPUS_OPTIONS: CorpusOptions = {
  docs: 1000,
  duplicateShare: 0.2,
  maxEdits: 2,
  seed: 1,
  vocabulary: 4000,
  minWords: 8,
  maxWords: 60,
};

/** Generates documents one by one (a million fit without holding them all). */
export function* generateCorpus(opts: Partial<CorpusOptions> = {}): Generator<SyntheticDoc> {
  const o = { ...DEFAULT_CORPUS_OPTIONS, ...opts };
  const rnd = seededRandom(o.seed);
  const vocab = makeVocabulary(o.vocabulary, rnd);
  // Recent originals that copies are drawn from (copies come within minutes, as campaigns do).
  const recent: { index: number; text: string }[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < o.docs; i++) {
    const publishedAt = t0 + i * 1000;
    const author = `u${Math.floor(rnd() * Math.max(10, o.docs / 5))}`;
    const outletId = `o${Math.floor(rnd() * 20)}`;
    if (recent.length > 0 && rnd() < o.duplicateShare) {
      const src = recent[Math.floor(rnd() * recent.length)] as { index: number; text: string };
      let text = src.text;
      const edits = 1 + Math.floor(rnd() * o.maxEdits);
      for (let e = 0; e < edits; e++)
        text = editText(text, EDIT_KINDS[Math.floor(rnd() * EDIT_KINDS.length)] as EditKind, vocab, rnd);
      yield { id: `d${i}`, text, author, outletId, publishedAt, copyOf: src.index };
    } else {
      const text = makeText(vocab, rnd, o.minWords, o.maxWords);
      recent.push({ index: i, text });
      if (recent.length > 200) recent.shift();
      yield { id: `d${i}`, text, author, outletId, publishedAt, copyOf: -1 };
    }
  }
}
