/**
 * Diacritic folding: "Đường Hoà Bình" → "duong hoa binh".
 * NFD + dropping combining marks does not turn đ into d, so đ/Đ (and the look-alike Ð/ð) are mapped first.
 */
export function foldDiacritics(text: string): string {
  return foldFast(text) ?? foldByNormalizing(text);
}

/** The definition: map đ, decompose, drop U+0300–U+036F, recompose. Exported for the equivalence test. */
export function foldByNormalizing(text: string): string {
  return text
    .replace(/[đĐðÐ]/g, (c) => (c === 'đ' || c === 'ð' ? 'd' : 'D'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

// Per UTF-16 unit: 0 not computed, 1 unknown (use the definition), 2 kept as is, else 3 + folded unit.
const FOLD = new Uint16Array(65536);
const MARK = /\p{M}/u;

function foldOf(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return 1;
  if (c === 0x111 || c === 0xf0) return 3 + 0x64; // đ ð → d
  if (c === 0x110 || c === 0xd0) return 3 + 0x44; // Đ Ð → D
  const ch = String.fromCharCode(c);
  // Kept: no decomposition, NFC-stable, cannot combine with a neighbour (not a mark, not Hangul jamo).
  const keepable = (s: string): boolean => s.normalize('NFD') === s && s.normalize('NFC') === s && !MARK.test(s) && !(s >= '\u1100' && s <= '\u11ff');
  if (keepable(ch)) return 2;
  const d = ch.normalize('NFD');
  const base = d.charAt(0);
  if (d.length > 1 && /^[\u0300-\u036f]+$/.test(d.slice(1)) && base.length === 1 && keepable(base)) return 3 + base.charCodeAt(0);
  return 1;
}

/**
 * Folds char by char from a table when every unit is kept or folds to one kept unit: then the
 * definition's NFD/NFC passes cannot change anything else. Undefined means "use the definition".
 */
function foldFast(text: string): string | undefined {
  let out: string[] | null = null;
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      // Emoji pairs decompose to nothing and compose with nothing.
      const d = text.charCodeAt(i + 1);
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      if (d >= 0xdc00 && d <= 0xdfff && cp >= 0x1f000 && cp <= 0x1faff) {
        i++;
        continue;
      }
      return undefined;
    }
    let f = FOLD[c] ?? 0;
    if (f === 0) {
      f = foldOf(c);
      FOLD[c] = f;
    }
    if (f === 2) continue;
    if (f === 1) return undefined;
    out ??= [];
    if (i > from) out.push(text.slice(from, i));
    out.push(String.fromCharCode(f - 3));
    from = i + 1;
  }
  if (out === null) return text;
  if (from < n) out.push(text.slice(from));
  return out.join('');
}
