import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { ActivePolicy, loadPack } from './active.js';
import { parsePolicyPack, validatePolicyPack } from './parse.js';

const PACK = `id: test
version: "1"
name: { vi: Thử, en: Test }
categories:
  - id: scam-fraud
    name: { vi: Lừa đảo, en: Scams }
    description: { vi: Lừa đảo, en: Scams }
    severity: high
    legal:
      - { law: Bộ luật Hình sự 2015, article: "174", validFrom: 2018-01-01 }
    actions: [takedown-request]
phraseLists:
  scam: [lừa đảo]
rules:
  - id: r1
    category: scam-fraud
    description: test rule
    when:
      all:
        - phraseList: scam
        - not: { field: { kind: post } }
    score: 0.7
    explanation: Lừa đảo.
`;

function errorOf(yaml: string): AppError {
  try {
    parsePolicyPack(yaml, 'p.yaml');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected POLICY_INVALID');
}

describe('parsePolicyPack', () => {
  it('reads a valid pack with its version, legal references and parsed conditions', () => {
    const p = parsePolicyPack(PACK);
    expect(p.version).toBe('1');
    expect(p.categories[0]?.legal[0]).toMatchObject({ law: 'Bộ luật Hình sự 2015', article: '174', validFrom: '2018-01-01', verified: true });
    expect(p.rules[0]?.when).toEqual({ type: 'all', of: [{ type: 'phraseList', list: 'scam' }, { type: 'not', of: { type: 'field', field: { kind: ['post'] } } }] });
  });

  it('refuses a score out of range with its line and column', () => {
    const e = errorOf(PACK.replace('score: 0.7', 'score: 7'));
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.message).toMatch(/^p\.yaml line 22, column 12: rules\[0\]\.score: score must be between 0 and 1/);
  });

  it('points an unknown key at the key itself', () => {
    const e = errorOf(PACK.replace('    severity: high', '    severity: high\n    sevrity: low'));
    expect(e.message).toMatch(/line 9, column 5: categories\[0\]\.sevrity: unknown key 'sevrity'/);
  });

  it('names an unknown condition, an unknown phrase list and a rule category that does not exist', () => {
    expect(errorOf(PACK.replace('- phraseList: scam', '- phrase: [x]')).message).toMatch(/line 20, column 11: rules\[0\]\.when\.all\[0\]\.phrase: unknown condition 'phrase'/);
    expect(errorOf(PACK.replace('- phraseList: scam', '- phraseList: nope')).message).toMatch(/line 20.*unknown phrase list "nope"/);
    expect(errorOf(PACK.replace('category: scam-fraud', 'category: opinion')).message).toMatch(/line 16.*unknown category 'opinion'/);
  });

  it('refuses an invalid regular expression and a YAML syntax error, with lines', () => {
    expect(errorOf(PACK.replace('- phraseList: scam', '- regex: "a(b"')).message).toMatch(/line 20.*invalid regular expression/);
    expect(errorOf(PACK.replace('severity: high', 'severity: [high')).message).toMatch(/line \d+, column \d+: \(yaml\)/);
  });

  it('requires legal references on every category', () => {
    const e = errorOf(PACK.replace(/ {4}legal:\n.*\n/, '    legal: []\n'));
    expect(e.message).toMatch(/categories\[0\]\.legal: every category needs at least one legal reference/);
  });

  it('reports every problem to an editor through validatePolicyPack', () => {
    const r = validatePolicyPack(PACK.replace('score: 0.7', 'score: 2').replace('severity: high', 'severity: huge'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.line)).toEqual([8, 22]);
  });
});

describe('ActivePolicy', () => {
  it('keeps the running pack when a replacement is invalid', () => {
    const active = new ActivePolicy(loadPack(PACK));
    const seen: string[] = [];
    active.onChange((p) => seen.push(p.pack.version));
    expect(() => active.replace(PACK.replace('version: "1"', 'version: "2"').replace('score: 0.7', 'score: -1'))).toThrow(/line 22/);
    expect(active.pack.pack.version).toBe('1');
    active.replace(PACK.replace('version: "1"', 'version: "2"'));
    expect(active.pack.pack.version).toBe('2');
    expect(seen).toEqual(['2']);
  });
});
