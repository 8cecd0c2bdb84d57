/**
 * Vietnamese syllable structure: vowels with their tone marks, syllable validity and the canonical
 * tone-mark placement. Pure tables built once at module load.
 */

/** Tone index: 0 ngang (none), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const BASE_VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';

/** Toned vowel (NFC) → [base vowel, tone]. Bases keep their vowel-quality mark (ă, â, ê, ô, ơ, ư). */
const DECOMPOSE = new Map<string, readonly [string, Tone]>();
/** base vowel → its six toned forms. */
const COMPOSE = new Map<string, readonly string[]>();
for (const base of BASE_VOWELS) {
  const forms = TONE_MARKS.map((m) => (base + m).normalize('NFC'));
  COMPOSE.set(base, forms);
  forms.forEach((f, tone) => DECOMPOSE.set(f, [base, tone as Tone]));
}

/** Whether a (single UTF-16 unit) character is a Vietnamese vowel letter, with or without marks. */
export function isVowelChar(c: string): boolean {
  return DECOMPOSE.has(c);
}

/** Splits one toned vowel into base vowel and tone; other characters come back with tone 0. */
export function splitTone(c: string): readonly [string, Tone] {
  return DECOMPOSE.get(c) ?? [c, 0];
}

/** Puts `tone` on the base vowel `base` ("ô", 1 → "ố"); returns `base` unchanged if it is not a vowel. */
export function withTone(base: string, tone: Tone): string {
  return COMPOSE.get(base)?.[tone] ?? base;
}

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
// Vowel nuclei (with glides) seen in standard Vietnamese syllables, tone marks removed.
const NUCLEUS =
  '(?:uyê|uya|uyu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|' +
  'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|' +
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const FINAL = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE_RE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`);

/**
 * Whether `word` (NFC) is a well-formed Vietnamese syllable: an initial, a vowel nucleus, a final and
 * at most one tone mark; stop finals (c, ch, p, t) only take sắc or nặng. "việt" → true, "vieät" → false.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 7) return false;
  let bare = '';
  let tone: Tone = 0;
  for (const ch of word.toLowerCase()) {
    const d = DECOMPOSE.get(ch);
    if (d === undefined) {
      bare += ch;
      continue;
    }
    if (d[1] !== 0) {
      if (tone !== 0) return false;
      tone = d[1];
    }
    bare += d[0];
  }
  if (!SYLLABLE_RE.test(bare)) return false;
  if (tone !== 0 && tone !== 1 && tone !== 5 && /(?:c|ch|p|t)$/.test(bare)) return false;
  return true;
}

/**
 * Canonical tone placement: the "new style" used by VinAI's PhoBERT/BARTpho normalisation —
 * for oa, oe, uy with no final consonant the mark sits on the second vowel (hoà, khoẻ, thuý).
 * It also moves a mark that sits on the wrong vowel of a nucleus ("lựơng" → "lượng", "hóan" → "hoán").
 * Input: one NFC syllable; anything that is not a syllable is returned unchanged.
 */
export function canonicalSyllable(word: string): string {
  let tone: Tone = 0;
  let toneCount = 0;
  const bases: string[] = [];
  for (const ch of word) {
    const d = DECOMPOSE.get(ch);
    if (d === undefined) {
      bases.push(ch);
      continue;
    }
    if (d[1] !== 0) {
      tone = d[1];
      toneCount++;
    }
    bases.push(d[0]);
  }
  if (toneCount !== 1) return word;
  const lower = bases.join('').toLowerCase();
  const m = /^(ngh|ng|nh|ch|gh|gi(?=[aăâeêioôơuưy])|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]+)([a-zđ]*)$/.exec(lower);
  if (m === null) return word;
  const init = m[1] ?? '';
  const nucleus = m[2] ?? '';
  const fin = m[3] ?? '';
  if (!/^(?:ch|ng|nh|c|m|n|p|t)?$/.test(fin)) return word;
  let pos: number; // index of the vowel (inside the nucleus) that carries the tone
  const marked = nucleus.search(/[ăâêôơư]/);
  if (nucleus.length === 1) pos = 0;
  else if (nucleus === 'ươ' || nucleus === 'ươi' || nucleus === 'ươu') pos = 1;
  else if (marked >= 0 && nucleus !== 'ưa' && nucleus !== 'ưi' && nucleus !== 'ưu') pos = marked;
  else if (fin !== '') pos = nucleus.length - 1;
  else if (nucleus.length === 3) pos = 1;
  else if (nucleus === 'oa' || nucleus === 'oe' || nucleus === 'uy' || nucleus === 'oă') pos = 1;
  else pos = 0;
  const at = init.length + pos;
  let out = '';
  for (let i = 0; i < bases.length; i++) {
    const b = bases[i] ?? '';
    out += i === at ? withTone(b, tone) : b;
  }
  return out;
}
