/**
 * All phrases of a pack in one automaton over the text core's key syllables.
 *
 * Matching semantics (see docs/policy.md):
 * - A phrase and the text are both turned into key syllables (`keyTokens`): case, diacritics, legacy
 *   encodings, obfuscation ("l.ừ.a", "lừaaa") and teencode ("ko") are folded away; matches start and
 *   end on syllable boundaries, so "lừa" never matches inside "lừađảo" or "cá độ" inside "cá độc".
 * - Folding makes different words equal ("lửa" fire and "lừa" deceive are both "lua"). So where the
 *   text *has* diacritics, its marks must equal the phrase's marks (tone placement aside: hoà = hòa).
 *   Where the text has none ("lua dao", "ko"), the folded key decides and the match is marked
 *   `exact: false`: a lead for a reviewer, not evidence by itself (VIETNAMESE.md A2). A phrase written
 *   without diacritics accepts any marks.
 */
import { fixEncodingMapped, keyTokens, type KeyToken } from '../../text/index.js';
import { SymbolAutomaton } from './aho-corasick.js';

/** One phrase occurrence; `start`/`end` are raw offsets (first syllable's start, last syllable's end). */
export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
  text: string;
  /** False when some syllable matched only on the folded key (the text had no diacritics there). */
  exact: boolean;
}

/** A document's key syllables, computed once and shared by every rule. */
export interface KeyedText {
  raw: string;
  tokens: KeyToken[];
}

const TONE_OR_VOWEL_MARK = new Set([0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31b]);

/** The diacritics of one written syllable, position-free: "lừaaa" → "̛̀" (horn, grave), "lua" → "". */
export function diacriticMarks(s: string): string {
  let out: string[] | null = null;
  for (const ch of s.toLowerCase().normalize('NFD')) {
    const c = ch.charCodeAt(0);
    if (TONE_OR_VOWEL_MARK.has(c) || ch === 'đ' || ch === 'ð') (out ??= []).push(ch === 'ð' ? 'đ' : ch);
  }
  return out === null ? '' : [...new Set(out)].sort().join('');
}

const PLAIN = /^[A-Za-z0-9]*$/;

/**
 * Clean (encoding-fixed, NFC) text of raw spans, computed only when a match needs its diacritics:
 * most documents never pay for it.
 */
class CleanSlicer {
  private mapped: { text: string; spans: Int32Array | null } | null = null;
  constructor(private readonly raw: string) {}

  slice(start: number, end: number): string {
    const piece = this.raw.slice(start, end);
    if (PLAIN.test(piece)) return piece;
    this.mapped ??= fixEncodingMapped(this.raw).mapped;
    const { text, spans } = this.mapped;
    if (spans === null) return text.slice(start, end);
    // Spans are non-decreasing: binary search the first clean unit from `start`, scan to `end`.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[2 * mid] as number) < start) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    while (j < text.length && (spans[2 * j + 1] as number) <= end) j++;
    return text.slice(lo, j);
  }
}

interface CompiledPhrase {
  phrase: string;
  marks: string[];
}

/** Builds once per pack; `match` is one pass over a document's key syllables. */
export class PhraseIndex {
  private readonly ids = new Map<string, number>();
  private readonly automaton = new SymbolAutomaton();
  private readonly phrases: CompiledPhrase[] = [];
  private readonly byText = new Map<string, number>();
  /** Phrases that yield no key syllable (only punctuation); reported so a pack can refuse them. */
  readonly empty: string[] = [];

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) this.add(p);
    this.automaton.build();
  }

  private add(phrase: string): void {
    if (this.byText.has(phrase)) return;
    const toks = keyTokens(phrase);
    if (toks.length === 0) {
      this.empty.push(phrase);
      return;
    }
    const symbols = toks.map((t) => {
      let id = this.ids.get(t.key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t.key, id);
      }
      return id;
    });
    const slicer = new CleanSlicer(phrase);
    const idx = this.automaton.add(symbols);
    this.phrases[idx] = { phrase, marks: toks.map((t) => diacriticMarks(slicer.slice(t.start, t.end))) };
    this.byText.set(phrase, idx);
  }

  /** Number of distinct phrases compiled. */
  get size(): number {
    return this.byText.size;
  }

  /** Whether `phrase` was compiled (false for phrases with no key syllable). */
  has(phrase: string): boolean {
    return this.byText.has(phrase);
  }

  /** The text's key syllables (the expensive part; do it once per document). */
  static key(raw: string): KeyedText {
    return { raw, tokens: keyTokens(raw) };
  }

  /** Every phrase occurrence in the text, in text order. */
  match(doc: KeyedText): PhraseMatch[] {
    const { raw, tokens } = doc;
    const symbols = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) symbols[i] = this.ids.get((tokens[i] as KeyToken).key) ?? -1;
    const out: PhraseMatch[] = [];
    let slicer: CleanSlicer | null = null;
    const textMarks = new Map<number, string>();
    const marksOf = (i: number): string => {
      let m = textMarks.get(i);
      if (m === undefined) {
        const t = tokens[i] as KeyToken;
        slicer ??= new CleanSlicer(raw);
        m = diacriticMarks(slicer.slice(t.start, t.end));
        textMarks.set(i, m);
      }
      return m;
    };
    this.automaton.find(symbols, (p, first, last) => {
      const cp = this.phrases[p] as CompiledPhrase;
      let exact = true;
      for (let k = 0; k <= last - first; k++) {
        const want = cp.marks[k] ?? '';
        if (want === '') continue;
        const have = marksOf(first + k);
        if (have === '') exact = false;
        else if (have !== want) return;
      }
      const start = (tokens[first] as KeyToken).start;
      const end = (tokens[last] as KeyToken).end;
      out.push({ phrase: cp.phrase, start, end, text: raw.slice(start, end), exact });
    });
    return out;
  }
}
