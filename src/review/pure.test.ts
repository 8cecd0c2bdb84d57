import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson } from '../store/review/audit.js';
import { judgePage } from './compliance.js';
import { basePriority } from './policy.js';
import { median, reportCsv, type TransparencyReport } from './report.js';
import { tarGz } from './tar.js';
import { signWebhook } from './webhooks.js';

describe('canonical JSON and the audit hash', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.678Z') })).toBe('{"at":"2026-01-02T03:04:05.678Z"}');
  });
  it('changes when any field changes, not when key order does', () => {
    const e = { id: 1, at: new Date('2026-11-28T00:00:00Z'), actor: 'user:a', action: 'x', subject: 'case:1', payload: { a: 1, b: 'Việt' }, prevHash: '0'.repeat(64) };
    const h = auditHash(e);
    expect(auditHash({ ...e, payload: { b: 'Việt', a: 1 } })).toBe(h);
    for (const changed of [{ id: 2 }, { at: new Date('2026-11-28T00:00:00.001Z') }, { actor: 'user:b' }, { action: 'y' }, { subject: 'case:2' }, { payload: { a: 1, b: 'Viet' } }, { prevHash: '1'.repeat(64) }]) {
      expect(auditHash({ ...e, ...changed })).not.toBe(h);
    }
  });
});

describe('queue priority', () => {
  it('grows with severity, confidence and reach', () => {
    expect(basePriority(0.9, 0.8, 0)).toBeGreaterThan(basePriority(0.3, 0.8, 0));
    expect(basePriority(0.5, 0.9, 0)).toBeGreaterThan(basePriority(0.5, 0.6, 0));
    expect(basePriority(0.5, 0.9, 100)).toBeGreaterThan(basePriority(0.5, 0.9, 2));
    expect(basePriority(0.5, 0, 100)).toBe(0);
  });
});

describe('compliance page judgement', () => {
  const flagged = 'Nước máy ở quận 3 bị nhiễm độc, không dùng trong ba ngày. Hãy chia sẻ ngay cho người thân và bạn bè.';
  it('finds the flagged text through markup, case and punctuation', () => {
    expect(judgePage(flagged, `<p>NƯỚC MÁY ở quận 3 bị <b>nhiễm độc</b>, không dùng trong ba ngày.</p><p>Hãy chia sẻ ngay cho người thân và bạn bè!</p>`)).toBe('still-up');
  });
  it('calls a page changed when the text was replaced', () => {
    expect(judgePage(flagged, '<p>Đính chính: nước máy quận 3 đạt chuẩn an toàn theo Sở Y tế.</p>')).toBe('changed');
  });
});

describe('report helpers', () => {
  it('median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('CSV has one row per count and quotes when needed', () => {
    const r = { period: { from: 'a', to: 'b' }, generatedAt: 'c', decisions: 2, byCategory: { 'false-information': 2 }, byOutcome: {}, byAction: {}, bySource: {}, byLegalBasis: { 'x,y': 1 }, automatedDecisions: 0, appeals: { filed: 1, decided: 1, upheld: 0, reversed: 1 }, compliance: {}, medianHoursToDecision: 1.5 } satisfies TransparencyReport;
    const csv = reportCsv(r);
    expect(csv.split('\n')[0]).toBe('section,key,value');
    expect(csv).toContain('category,false-information,2');
    expect(csv).toContain('legal_basis,"x,y",1');
    expect(csv).toContain('appeals,reversed,1');
  });
});

describe('webhook signatures', () => {
  it('HMAC over timestamp and body, verifiable by the receiver', () => {
    const sig = signWebhook('whsec_x', '{"a":1}', new Date('2026-11-28T00:00:00Z'));
    expect(sig).toMatch(/^t=1795824000,v1=[0-9a-f]{64}$/);
    expect(signWebhook('whsec_y', '{"a":1}', new Date('2026-11-28T00:00:00Z'))).not.toBe(sig);
  });
});

describe('tar.gz writer', () => {
  it('writes an archive that tar extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiemtin-tar-'));
    try {
      const bin = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
      writeFileSync(join(dir, 'p.tar.gz'), tarGz([{ name: 'a.txt', body: 'Tiếng Việt\n' }, { name: 'snapshots/x.bin', body: bin }], new Date('2026-11-28T00:00:00Z')));
      execFileSync('tar', ['-xzf', 'p.tar.gz'], { cwd: dir });
      expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Tiếng Việt\n');
      expect(new Uint8Array(readFileSync(join(dir, 'snapshots/x.bin')))).toEqual(bin);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
