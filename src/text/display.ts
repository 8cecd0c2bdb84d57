/**
 * Display mode: readable standard Vietnamese — encoding fixed, characters cleaned, teencode and
 * slang expanded; case, punctuation, emoji and spacing kept.
 */
import { fixEncodingMapped } from './encoding.js';
import { MapBuilder, type MappedText } from './mapped.js';
import { chooseDisplay } from './teencode.js';
import { tokenize } from './tokenize.js';

/** Applies the case pattern of `model` (lower, Title, UPPER) to `word`. */
export function applyCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

// Runs of 3+ identical letters are never Vietnamese spelling ("quáaaa", "điiiii").
const REPEAT = /(\p{L})\1{2,}/gu;

/** Display text with offsets into the raw input. */
export function displayMapped(raw: string): MappedText {
  const { mapped } = fixEncodingMapped(raw);
  const text = mapped.text;
  const tokens = tokenize(text);
  const words = tokens.map((t) => (t.kind === 'word' ? t.text.toLowerCase() : ''));
  const out = new MapBuilder(text.length);
  let last = 0;
  const emit = (a: number, b: number): void => {
    for (let k = a; k < b; k++) out.push(text[k] ?? '', spanA(mapped, k), spanB(mapped, k));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind !== 'word') continue;
    const lower = words[i] ?? '';
    let choice = chooseDisplay(lower, words[i - 1] ?? '', words[i + 1] ?? '');
    if (choice === undefined) {
      const squeezed = lower.replace(REPEAT, '$1');
      if (squeezed !== lower) choice = chooseDisplay(squeezed, words[i - 1] ?? '', words[i + 1] ?? '') ?? squeezed;
    }
    if (choice === undefined) continue;
    emit(last, t.start);
    out.push(applyCase(t.text, choice), spanA(mapped, t.start), spanB(mapped, t.end - 1));
    last = t.end;
  }
  emit(last, text.length);
  return out.finish();
}

function spanA(m: MappedText, i: number): number {
  return m.spans === null ? i : (m.spans[2 * i] ?? 0);
}
function spanB(m: MappedText, i: number): number {
  return m.spans === null ? i + 1 : (m.spans[2 * i + 1] ?? 0);
}

/** Display mode: `normalizeDisplay("ko bít j đâu :))")` → "không biết gì đâu :))". */
export function normalizeDisplay(raw: string): string {
  return displayMapped(raw).text;
}
