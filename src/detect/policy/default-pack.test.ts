import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HARM_CATEGORIES } from '../../core/types.js';
import { DEFAULT_PACK_YAML } from './default-pack.js';
import { renderDefaultPackModule } from './generate-default-pack.js';
import { parsePolicyPack } from './parse.js';

const fileText = readFileSync(new URL('../../../policies/default.yaml', import.meta.url), 'utf8');
const pack = parsePolicyPack(DEFAULT_PACK_YAML, 'policies/default.yaml');

describe('the shipped default pack', () => {
  it('is embedded unchanged from policies/default.yaml (regenerate with generate-default-pack.ts)', () => {
    expect(DEFAULT_PACK_YAML).toBe(fileText);
    expect(readFileSync(new URL('./default-pack.ts', import.meta.url), 'utf8')).toBe(renderDefaultPackModule(fileText));
  });

  it('covers exactly the harm categories', () => {
    expect(pack.categories.map((c) => c.id).sort()).toEqual([...HARM_CATEGORIES].sort());
  });

  it('has no category about opinion, criticism, dissent or politics', () => {
    const banned = /opinion|critic|dissent|politic|protest|government|state|ý kiến|quan điểm|phê (bình|phán)|chỉ trích|bất đồng|chính trị|phản động|chống phá|biểu tình|chính quyền|nhà nước/i;
    for (const c of pack.categories) {
      for (const s of [c.id, c.name.vi, c.name.en]) expect(s, c.id).not.toMatch(banned);
    }
  });

  it('gives every category legal references with dates, and says what replaced a text that ended', () => {
    for (const c of pack.categories) {
      expect(c.legal.length, c.id).toBeGreaterThan(0);
      for (const ref of c.legal) {
        expect(ref.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (ref.validTo !== undefined) expect(ref.replacedBy, `${c.id}: ${ref.law}`).toBeDefined();
      }
    }
  });

  it('marks the Decree 14/2022 amendment and texts without an article as unverified', () => {
    const refs = pack.categories.flatMap((c) => c.legal);
    for (const r of refs.filter((r) => r.law.includes('14/2022') || r.article === 'chưa xác minh')) expect(r.verified, r.law).toBe(false);
    expect(refs.some((r) => r.law.includes('An ninh mạng 2018') && r.article === '16' && r.validTo === '2026-06-30')).toBe(true);
    expect(refs.some((r) => r.law.includes('Báo chí 2016') && r.article === '42' && r.replacedBy?.includes('2025'))).toBe(true);
  });

  it('has rules for the categories detectors do not cover on their own', () => {
    const ruled = new Set(pack.rules.map((r) => r.category));
    for (const c of ['hate-speech', 'harassment', 'scam-fraud', 'illegal-gambling', 'illegal-lending', 'spam']) expect(ruled.has(c), c).toBe(true);
  });
});
