import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyTokens, matchKey, normalizeDisplay, sentences, tokenize, fixEncoding } from './index.js';

// The seed is fixed for all property tests (tests/_util/fast-check-seed.ts). Random seeds found two rare
// classes of non-idempotent lines (a legacy-encoded word next to Unicode Vietnamese, judged differently
// once the first pass changed or folded the Unicode evidence); both are fixed and pinned below.

// Strings mixing Vietnamese, legacy-looking bytes, separators, emoji and arbitrary code points.
const pieces = fc.constantFrom(
  'Việt',
  'ko',
  'đc',
  'đ.m',
  'Vieät',
  'Vie^.t',
  'hoa\u0300',
  ' ',
  '\n',
  ':))',
  '😂',
  'https://a.vn',
  '0912345678',
  '@ab',
  '#x',
  '&amp;',
  '\u200b',
  'ｋ',
  'Ð',
  'ck',
  '500k',
  '.',
  'nguuuu',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(pieces, { maxLength: 20 }).map((a) => a.join('')),
  fc.string({ maxLength: 40 }),
);

describe('text properties', () => {
  it('never throws; offsets stay inside the raw text and are ordered', () => {
    fc.assert(
      fc.property(text, (raw) => {
        for (const t of [...tokenize(raw), ...keyTokens(raw), ...sentences(raw)]) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(raw.length);
          expect(t.start).toBeLessThanOrEqual(t.end);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('matchKey joins keyTokens and has no empty or spaced tokens', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const kt = keyTokens(raw);
        expect(matchKey(raw)).toBe(kt.map((t) => t.key).join(' '));
        for (const t of kt) expect(t.key).toMatch(/^\S+$/);
      }),
      { numRuns: 300 },
    );
  });
  it('NFC out, and idempotent on its own output', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const d = normalizeDisplay(raw);
        expect(d.normalize('NFC')).toBe(d);
        expect(normalizeDisplay(d)).toBe(d);
        const k = matchKey(raw);
        expect(k.normalize('NFC')).toBe(k);
        expect(matchKey(k)).toBe(k);
        const f = fixEncoding(raw);
        expect(fixEncoding(f)).toBe(f);
      }),
      { numRuns: 300 },
    );
  });

  it('stays idempotent on a line that mixes VNI mojibake with teencode (found by the property above)', () => {
    const once = normalizeDisplay('😂ko@abhoà.Vieät');
    expect(normalizeDisplay(once)).toBe(once);
    expect(once).toContain('không');
  });

  it('does not let expanded teencode vouch for TCVN3 on a second pass (display)', () => {
    const once = normalizeDisplay('ｋ😂 Coäng 中文ck');
    expect(once.startsWith('không')).toBe(true);
    expect(normalizeDisplay(once)).toBe(once);
  });

  it('keys a line mixing a legacy word with Unicode Vietnamese to a fixed point, spans kept', () => {
    const raw = 'Việt&amp;hoøa#x😂500k';
    const once = matchKey(raw);
    expect(matchKey(once)).toBe(once);
    expect(keyTokens(raw).map((t) => [t.key, raw.slice(t.start, t.end)])).toEqual([
      ['viet', 'Việt'],
      ['hoa', 'hoøa'],
      ['x', 'x'],
      ['500k', '500k'],
    ]);
  });

  it('keys a phone number glued to an e-mail address to a fixed point', () => {
    const once = matchKey('a@b.vn0912345678x');
    expect(matchKey(once)).toBe(once);
  });

  it('keys a legacy word inside a link idempotently (the key folds links like words)', () => {
    const once = matchKey('Việt https://a.vn&amp;Vieät');
    expect(once).toBe('viet https://a.vn&vieat');
    expect(matchKey(once)).toBe(once);
  });
});
