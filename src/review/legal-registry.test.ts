import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { LEGAL_PROVISIONS, findProvision, inForce, provisionsInForce, registryVersionLabel, resolveLegalBasis, takedownHoursFor, vietnamDay, type RegisteredProvision, type RegistryView } from './legal-registry.js';

describe('legal registry', () => {
  it('has unique ids, ordered validity windows, and replacements that exist and start when the old text ends', () => {
    expect(new Set(LEGAL_PROVISIONS.map((p) => p.id)).size).toBe(LEGAL_PROVISIONS.length);
    for (const p of LEGAL_PROVISIONS) {
      if (p.validTo) expect(p.validFrom < p.validTo).toBe(true);
      if (p.replacedBy) {
        const next = findProvision(p.replacedBy);
        expect(next, p.id).toBeDefined();
        expect(next!.validFrom).toBe(p.validTo);
      }
      if (p.unverified) expect(p.note, p.id).toMatch(/xác minh/);
    }
  });

  it('counts days in Vietnam time: 17:00 UTC on 30 June is already 1 July', () => {
    expect(vietnamDay(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(vietnamDay(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
    const cyber2018 = findProvision('cyber-2018-art8-1-d')!;
    expect(inForce(cyber2018, new Date('2026-06-30T16:59:59Z'))).toBe(true);
    expect(inForce(cyber2018, new Date('2026-06-30T17:00:00Z'))).toBe(false);
  });

  it('cites the version in force on the date of the act and refuses one replaced, naming the replacement', () => {
    const before = resolveLegalBasis(['decree-72-2013-art5-1-e'], new Date('2024-06-01T00:00:00Z'), 'false-information');
    expect(before[0]).toMatchObject({ provisionId: 'decree-72-2013-art5-1-e', citation: 'Điều 5 khoản 1 điểm e, Nghị định 72/2013/NĐ-CP (sửa đổi bởi Nghị định 27/2018/NĐ-CP)' });
    try {
      resolveLegalBasis(['decree-72-2013-art5-1-e'], new Date('2025-03-01T00:00:00Z'), 'false-information');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
      expect((err as Error).message).toContain('replaced on 2024-12-25 by "decree-147-2024-art23"');
    }
    expect(() => resolveLegalBasis(['press-2016-art42'], new Date('2026-01-01T00:00:00Z'), 'spam')).toThrow(/does not concern the category "spam"/);
    expect(() => resolveLegalBasis(['nope'], new Date(), 'spam')).toThrow(/unknown provision "nope"/);
  });

  it('lists what is in force for a category and takes the shortest takedown deadline cited', () => {
    const ids = provisionsInForce(new Date('2026-08-01T00:00:00Z'), 'false-information').map((p) => p.id);
    expect(ids).toContain('decree-147-2024-art23');
    expect(ids).toContain('cyber-2025-prohibited');
    expect(ids).not.toContain('cyber-2018-art8-1-d');
    const refs = resolveLegalBasis(['decree-15-2020-art101-1', 'decree-147-2024-art23'], new Date('2026-08-01T00:00:00Z'), 'false-information');
    expect(takedownHoursFor(refs, 72)).toBe(24);
    expect(takedownHoursFor(refs.slice(0, 1), 72)).toBe(72);
    expect(refs[0]!.unverified).toBe(true);
  });

  it('records the revision and registry version of the view it resolved against', () => {
    expect(registryVersionLabel('vn-2026-11-28.1', 1)).toBe('vn-2026-11-28.1');
    expect(registryVersionLabel('vn-2026-11-28.1', 4)).toBe('vn-2026-11-28.1+3');
    const revised: RegisteredProvision = { ...findProvision('decree-147-2024-art23')!, revision: 3, takedownHours: 12, article: '23a' };
    const view: RegistryView = { version: 'vn-2026-11-28.1+5', get: (id) => (id === revised.id ? revised : undefined) };
    const refs = resolveLegalBasis(['decree-147-2024-art23'], new Date('2026-08-01T00:00:00Z'), 'false-information', view);
    expect(refs[0]).toMatchObject({ revision: 3, registryVersion: 'vn-2026-11-28.1+5', citation: 'Điều 23a, Nghị định 147/2024/NĐ-CP' });
    expect(takedownHoursFor(refs, 72, view)).toBe(12);
    expect(() => resolveLegalBasis(['press-2016-art42'], new Date('2016-06-01T00:00:00Z'), 'false-information', view)).toThrow(/unknown provision/);
  });
});
