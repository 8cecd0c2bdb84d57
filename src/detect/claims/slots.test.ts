import { describe, expect, it } from 'vitest';
import { substitutions, type PredicateSlot, type SlotTok } from './slots.js';

const toks = (s: string): SlotTok[] =>
  s.split(' ').map((w) => {
    const brk = w.startsWith(',');
    const key = brk ? w.slice(1) : w;
    const num = /^\d+$/.test(key) ? Number(key) : null;
    return { key, groups: key === 'phat' || key === 'tru' ? ['fine'] : [], num, brk, qualifier: key === 'ngay' || key === 'hoan' || key === 'toan' };
  });

function subs(claim: string, passage: string) {
  const c = toks(claim);
  const p = toks(passage);
  const claimKeys = new Set(c.map((t) => t.key));
  const passageKeys = new Set(p.map((t) => t.key));
  return substitutions(c, p, () => 1, (k) => claimKeys.has(k), (k) => passageKeys.has(k), (g) => p.some((t) => t.groups.includes(g)));
}

describe('aligned-slot substitutions', () => {
  it('finds another word in the place of a missing claim word, between aligned neighbours or after the last', () => {
    expect(subs('xe may bang lai phat 20 trieu', 'xe may vuot den phat 20 trieu')).toEqual([
      { claim: ['bang', 'lai'], passage: ['vuot', 'den'], weight: 2 },
    ]);
    expect(subs('cong an truy tim xe cho tre em', 'cong an truy tim xe bo lai')).toEqual([
      { claim: ['cho', 'tre', 'em'], passage: ['bo', 'lai'], weight: 3 },
    ]);
  });

  it('does not count dropped, moved, re-spelled, qualifying or synonymous words, nor words of another clause', () => {
    expect(subs('xe may bang lai phat', 'xe may phat')).toEqual([]); // dropped
    expect(subs('xe may bang lai phat', 'phat xe may bang lai')).toEqual([]); // moved
    expect(subs('dai hoc quoc gia cong chuc luong', 'dai hoc quoc gia cc luong')).toEqual([]); // initials
    expect(subs('nui lua ly son phun', 'nui lua li son phun')).toEqual([]); // one letter off
    expect(subs('mien dich hoan toan cum', 'mien dich ngay cum')).toEqual([]); // qualifier
    expect(subs('mien dich hoan toan cum', 'mien dich virus cum')).toEqual([]); // the claim's qualifier left out
    expect(subs('so may tru tien', 'so may phat tien')).toEqual([]); // same meaning group
    expect(subs('gao nhua tran lan cho', 'gao nhua cho ,nho kiem')).toEqual([]); // tail stops at the clause break
    expect(subs('gia 500 dong', 'gia 500 nghin')).toEqual([]); // units belong to the number check
  });

  it('leaves a missing claim predicate to the predicate check, reporting what stands in its slot', () => {
    // "huy" is the claim's predicate (a syllable of its predicate phrase), said "dep" or "tang" here.
    const claim = toks('le hoi chua huong huy vi sat lo').map((t) => (t.key === 'huy' ? { ...t, groups: ['cancel'], predicate: true } : t));
    const run = (passage: string) => {
      const group: Record<string, string[]> = { tang: ['increase'], dung: ['cancel'] };
      const p = toks(passage).map((t) => ({ ...t, groups: group[t.key] ?? t.groups }));
      const keys = new Set(p.map((t) => t.key));
      const sink: PredicateSlot[] = [];
      const out = substitutions(claim, p, () => 1, (k) => claim.some((t) => t.key === k), (k) => keys.has(k), (g) => p.some((t) => t.groups.includes(g)), sink);
      return { out, sink };
    };
    const unknown = run('le hoi chua huong dep luon vi sat lo');
    expect(unknown.out).toEqual([]);
    expect(unknown.sink).toEqual([{ claim: ['huy'], rest: [], restWeight: 0, passage: [{ key: 'dep', groups: [] }, { key: 'luon', groups: [] }] }]);
    const known = run('le hoi chua huong tang vi sat lo');
    expect(known.sink[0]?.passage).toEqual([{ key: 'tang', groups: ['increase'] }]);
    // Left out: reported with nothing in its place; said with a word of its group: not missing at all.
    expect(run('le hoi chua huong vi sat lo').sink).toEqual([{ claim: ['huy'], rest: [], restWeight: 0, passage: [] }]);
    expect(run('le hoi chua huong dung vi sat lo').sink).toEqual([]);
  });
});
