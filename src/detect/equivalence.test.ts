// Detection results must not change when the detectors' internals do (shared per-document analysis,
// fast paths). The findings of the rules, personal-data and classifier detectors (the three shipped
// models) are compared, as a digest per document, with what they returned before the shared analysis,
// both through the runner (one analysis shared by every detector) and with each detector called on its
// own. The claims and text-reuse detectors evolve on their own (their own equivalence tests guard their
// fast paths): for them, and for everything, the runner's findings must equal the per-detector ones.
// After an intended change of results, re-record with
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
const factChecks = parseFactChecks(
  JSON.parse(readFileSync(new URL('dev-factchecks.json', fixtures), 'utf8')) as unknown,
);
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

/** Detectors whose findings are compared with the recording (the others only runner vs per detector). */
const RECORDED = (detector: string): boolean =>
  detector === 'rules' || detector === 'personal-data' || detector.startsWith('classifier:');

const digest = (fs: readonly Finding[]): string =>
  createHash('sha256').update(JSON.stringify(fs)).digest('hex').slice(0, 16);

function digestsBy(findings: readonly Finding[], only: (detector: string) => boolean = () => true): string[] {
  const byDoc = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!only(f.detector)) continue;
    const list = byDoc.get(f.documentId);
    if (list === undefined) byDoc.set(f.documentId, [f]);
    else list.push(f);
  }
  return items.map(({ doc }) => digest(byDoc.get(doc.id) ?? []));
}

const ctxOf = new Map<DetectDocument, DetectContext>(items.map(({ doc, ctx }) => [doc, ctx]));

/** The runner's path: one shared analysis per document. */
function viaRunner(): Finding[] {
  const r = runDetectors(
    detectors,
    items.map((x) => x.doc),
    (doc) => ctxOf.get(doc) ?? { now: EQUIVALENCE_NOW, parent: null },
  );
  expect(r.failures).toEqual([]);
  return r.findings;
}

/** Each detector called on its own with the plain context (no shared analysis). */
function perDetector(): Finding[] {
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
  return findings;
}

describe('default registry findings are unchanged', () => {
  const recorded = record
    ? null
    : (JSON.parse(readFileSync(recordedFile, 'utf8')) as { digests: string[]; findings: number });
  const shared = viaRunner();
  const alone = perDetector();

  it('covers every detector of the registry with findings', () => {
    const by = new Set(shared.map((f) => f.detector));
    for (const d of ['rules', 'personal-data', 'classifier:hate-speech', 'claims'])
      expect(by.has(d), d).toBe(true);
    const n = shared.filter((f) => RECORDED(f.detector)).length;
    if (record) {
      writeFileSync(
        recordedFile,
        JSON.stringify({ findings: n, digests: digestsBy(alone, RECORDED) }).replace(/","/g, '",\n"') + '\n',
      );
      return;
    }
    expect(n).toBe(recorded?.findings);
  });

  it('the runner (one shared analysis) finds exactly what each detector finds on its own', () => {
    expect(shared.length).toBe(alone.length);
    const a = digestsBy(shared);
    const b = digestsBy(alone);
    expect(items.filter((_, i) => a[i] !== b[i]).map(({ doc }) => doc.id)).toEqual([]);
  });

  for (const [name, findings] of [
    ['through the runner (shared analysis)', shared],
    ['each detector on its own', alone],
  ] as const) {
    it(`${name}: rules, personal-data and classifiers as recorded on ${texts.length} documents`, () => {
      if (recorded === null) return;
      const got = digestsBy(findings, RECORDED);
      expect(got.length).toBe(recorded.digests.length);
      const differing = items
        .filter((_, i) => got[i] !== recorded.digests[i])
        .map(({ doc }) => `${doc.id}: ${doc.text.slice(0, 60)}`);
      expect(differing).toEqual([]);
    });
  }
});
