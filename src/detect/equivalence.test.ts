// Detection results must not change when the detectors' internals do (shared per-document analysis,
// fast paths): every finding of the default registry — with the three shipped models and the claims
// dev registry — is compared, as a digest per document, with what the registry returned before the
// shared analysis, both through the runner (one analysis shared by every detector) and with each
// detector called on its own. After an intended change of results, re-record with
// RECORD_DETECT_EQUIVALENCE=1 npx vitest run src/detect/equivalence.test.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/types.js';
import { loadBundledClassifier, MODEL_NAMES } from './classifier/index.js';
import { createClaimMatcher, parseFactChecks } from './claims/index.js';
import { EQUIVALENCE_NOW, equivalenceDocuments, generatedTexts, ODD_TEXTS } from './equivalence-corpus.js';
import { loadDefaultPack } from './policy/active.js';
import { createDefaultDetectors } from './registry.js';
import { runDetectors } from './runner.js';
import type { DetectContext, DetectDocument } from './types.js';

const fixtures = new URL('../../tests/fixtures/claims/', import.meta.url);
const recordedFile = new URL('equivalence.recorded.json', import.meta.url);
const record = process.env.RECORD_DETECT_EQUIVALENCE === '1';

const { pack } = loadDefaultPack();
const factChecks = parseFactChecks(JSON.parse(readFileSync(new URL('dev-factchecks.json', fixtures), 'utf8')) as unknown);
const posts = readFileSync(new URL('dev-posts.jsonl', fixtures), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const texts = [...ODD_TEXTS, ...posts.slice(0, 80), ...generatedTexts(pack, 700)];
const items = equivalenceDocuments(texts);
const detectors = createDefaultDetectors({
  classifiers: MODEL_NAMES.map((m) => loadBundledClassifier(m)),
  claimMatcher: createClaimMatcher(factChecks),
  reuseArticles: posts.slice(0, 3).map((text, i) => ({ id: `a${i}`, text })),
});

const digest = (fs: readonly Finding[]): string => createHash('sha256').update(JSON.stringify(fs)).digest('hex').slice(0, 16);

function digestsBy(findings: readonly Finding[]): string[] {
  const byDoc = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byDoc.get(f.documentId);
    if (list === undefined) byDoc.set(f.documentId, [f]);
    else list.push(f);
  }
  return items.map(({ doc }) => digest(byDoc.get(doc.id) ?? []));
}

/** The runner's path: one shared analysis per document. */
function viaRunner(): string[] {
  const ctxOf = new Map<DetectDocument, DetectContext>(items.map(({ doc, ctx }) => [doc, ctx]));
  const r = runDetectors(detectors, items.map((x) => x.doc), (doc) => ctxOf.get(doc) ?? { now: EQUIVALENCE_NOW, parent: null });
  expect(r.failures).toEqual([]);
  return digestsBy(r.findings);
}

/** Each detector called on its own with the plain context (no shared analysis). */
function perDetector(): string[] {
  const findings: Finding[] = [];
  for (const { doc, ctx } of items) {
    for (const d of detectors) {
      if (!d.appliesTo(doc)) continue;
      for (const draft of d.run(doc, ctx)) {
        const score = Number.isFinite(draft.score) ? Math.min(1, Math.max(0, draft.score)) : 0;
        findings.push({ ...draft, score, documentId: doc.id, detector: d.id, detectorVersion: d.version });
      }
    }
  }
  return digestsBy(findings);
}

describe('default registry findings are unchanged', () => {
  const recorded = record ? null : (JSON.parse(readFileSync(recordedFile, 'utf8')) as { digests: string[]; findings: number });

  it('covers every detector of the registry with findings', () => {
    const r = runDetectors(detectors, items.map((x) => x.doc), (doc) => items.find((x) => x.doc === doc)?.ctx ?? { now: EQUIVALENCE_NOW, parent: null });
    const by = new Set(r.findings.map((f) => f.detector));
    for (const d of ['rules', 'personal-data', 'classifier:hate-speech', 'claims']) expect(by.has(d), d).toBe(true);
    if (record) {
      writeFileSync(recordedFile, JSON.stringify({ findings: r.findings.length, digests: perDetector() }).replace(/","/g, '",\n"') + '\n');
      return;
    }
    expect(r.findings.length).toBe(recorded?.findings);
  });

  for (const [name, run] of [
    ['through the runner (shared analysis)', viaRunner],
    ['each detector on its own', perDetector],
  ] as const) {
    it(`${name}: ${texts.length} documents`, () => {
      if (recorded === null) return;
      const got = run();
      expect(got.length).toBe(recorded.digests.length);
      const differing = items.filter((_, i) => got[i] !== recorded.digests[i]).map(({ doc }) => `${doc.id}: ${doc.text.slice(0, 60)}`);
      expect(differing).toEqual([]);
    });
  }
});
