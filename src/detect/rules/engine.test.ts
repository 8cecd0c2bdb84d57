import { describe, expect, it } from 'vitest';
import type { DetectDocument } from '../types.js';
import { parsePolicyPack } from '../policy/parse.js';
import { backtest, diffPacks } from './backtest.js';
import { createRulesDetector } from './detector.js';
import { CompiledPack } from './engine.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const doc = (id: string, text: string, over: Partial<DetectDocument> = {}): DetectDocument => ({
  id, kind: 'comment', text, title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null, ...over,
});

function pack(rules: string, version = '1'): CompiledPack['pack'] {
  return parsePolicyPack(`id: t
version: "${version}"
name: { vi: t, en: t }
categories:
  - id: spam
    name: { vi: s, en: s }
    description: { vi: s, en: s }
    severity: low
    legal: [{ law: L, article: "1", validFrom: 2020-01-01 }]
    actions: [notice]
phraseLists:
  promo: [inbox ngay, giảm giá sốc, săn sale]
rules:
${rules}`);
}
const rule = (id: string, when: string) => `  - id: ${id}\n    category: spam\n    description: d\n    when: ${when}\n    score: 0.6\n    explanation: E.\n`;
const fired = (p: CompiledPack, d: DetectDocument, ctx = { now: NOW, parent: null }) => p.evaluate(d, ctx).map((h) => h.rule.id);

describe('rule conditions', () => {
  const p = new CompiledPack(
    pack(
      rule('two-promo', '{ count: { atLeast: 2, phraseList: promo } }') +
        rule('regex', '{ regex: "\\\\bsale\\\\s*\\\\d+%" }') +
        rule('dom', '{ domains: [shopee.vn] }') +
        rule('url', '{ urls: ["https://bit.ly/abc"] }') +
        rule('fields', '{ field: { kind: post, outletType: [blog], author: ["@Shop"], ageMinutes: { atMost: 60 } } }') +
        rule('links', '{ field: { linkCount: { atLeast: 2 } } }') +
        rule('notnews', '{ all: [{ phraseList: promo }, { not: { field: { outletType: [e-newspaper] } } }] }') +
        rule('model', '{ classifier: { model: spam, label: spam, atLeast: 0.9 } }') +
        rule('phone', '{ signal: phone }') +
        rule('anyof', '{ count: { atLeast: 2, of: [{ signal: phone }, { signal: email }, { phrases: [zalo] }] } }'),
    ),
    { spam: (t) => ({ spam: t.includes('mua ngay') ? 0.95 : 0.1 }) },
  );

  it('counts distinct phrases', () => {
    expect(fired(p, doc('a', 'Inbox ngay, giam gia soc!'))).toContain('two-promo');
    expect(fired(p, doc('a', 'inbox ngay inbox ngay'))).not.toContain('two-promo');
  });
  it('runs regular expressions case-insensitively with offsets', () => {
    const [hit] = p.evaluate(doc('a', 'SALE 50% hôm nay'), { now: NOW, parent: null }).filter((h) => h.rule.id === 'regex');
    expect(hit?.evidence.regex[0]).toMatchObject({ start: 0, end: 8, text: 'SALE 50%' });
  });
  it('matches domains (with subdomains) and URL prefixes', () => {
    expect(fired(p, doc('a', 'mua tại https://m.shopee.vn/x'))).toContain('dom');
    expect(fired(p, doc('a', 'mua tại notshopee.vn'))).not.toContain('dom');
    expect(fired(p, doc('a', 'xem www.bit.ly/abcdef'))).toContain('url');
  });
  it('checks document fields and age against ctx.now', () => {
    const post = { kind: 'post' as const, outletType: 'blog' as const, author: 'shop', publishedAt: new Date(NOW.getTime() - 30 * 60_000) };
    expect(fired(p, doc('a', 'x', post))).toContain('fields');
    expect(fired(p, doc('a', 'x', { ...post, publishedAt: new Date(NOW.getTime() - 90 * 60_000) }))).not.toContain('fields');
    expect(fired(p, doc('a', 'x', { ...post, publishedAt: null }))).not.toContain('fields');
    expect(fired(p, doc('a', 'a.com và b.vn'))).toContain('links');
  });
  it('negates conditions', () => {
    expect(fired(p, doc('a', 'săn sale'))).toContain('notnews');
    expect(fired(p, doc('a', 'săn sale', { kind: 'post', outletType: 'e-newspaper' }))).not.toContain('notnews');
  });
  it('uses classifier scores from the context first, else the model, only when reached', () => {
    expect(fired(p, doc('a', 'mua ngay'))).toContain('model');
    expect(fired(p, doc('a', 'mua ngay'), { now: NOW, parent: null, classifierScores: { spam: { spam: 0.2 } } } as never)).not.toContain('model');
  });
  it('counts satisfied sub-conditions', () => {
    expect(fired(p, doc('a', 'zalo 0912345678'))).toEqual(expect.arrayContaining(['phone', 'anyof']));
    expect(fired(p, doc('a', 'zalo nhé'))).not.toContain('anyof');
  });
  it('skips disabled rules', () => {
    const q = new CompiledPack(pack(rule('off', '{ phrases: [săn sale] }').replace('score: 0.6', 'score: 0.6\n    enabled: false')));
    expect(fired(q, doc('a', 'săn sale'))).toEqual([]);
  });
});

describe('rules detector', () => {
  it('reports the pack version, the rule, the matched text and offsets into the text', () => {
    const d = createRulesDetector(new CompiledPack(pack(rule('promo', '{ phraseList: promo }'), '7')));
    expect(d.version).toBe('7');
    const text = 'Shop ơi GIẢM GIÁ SỐC không?';
    const [f] = d.run(doc('a', text), { now: NOW, parent: null });
    expect(f).toMatchObject({ category: 'spam', score: 0.6, evidence: { ruleId: 'promo', exact: true, matches: [{ phrase: 'giảm giá sốc', start: 8, end: 20, text: 'GIẢM GIÁ SỐC' }] } });
    expect(f?.explanation).toContain('"GIẢM GIÁ SỐC"');
    // The same phrase without diacritics is a lead: lower score, marked as such.
    const [g] = d.run(doc('b', 'giam gia soc'), { now: NOW, parent: null });
    expect(g).toMatchObject({ score: 0.48, evidence: { exact: false } });
  });
});

describe('backtest', () => {
  const docs = [doc('1', 'săn sale nào'), doc('2', 'inbox ngay giảm giá sốc'), doc('3', 'bài viết hay')];
  const v1 = pack(rule('promo', '{ phraseList: promo }'), '1');
  const v2 = pack(rule('promo2', '{ count: { atLeast: 2, phraseList: promo } }'), '2');

  it('shows per rule what it would have flagged, with evidence', () => {
    const r = backtest(v1, docs, { now: NOW });
    expect(r).toMatchObject({ packVersion: '1', documents: 3, flaggedDocuments: 2 });
    expect(r.rules[0]).toMatchObject({ ruleId: 'promo', count: 2 });
    expect(r.rules[0]?.matches.map((m) => m.documentId)).toEqual(['1', '2']);
  });
  it('diffs two versions: documents and rules gained and lost', () => {
    const d = diffPacks(v1, v2, docs, { now: NOW });
    expect(d.removed).toEqual([{ documentId: '1', ruleIds: ['promo'] }]);
    expect(d.added).toEqual([]);
    expect(d.rules.map((r) => [r.ruleId, r.before, r.after])).toEqual([['promo', 2, 0], ['promo2', 0, 1]]);
  });
});
