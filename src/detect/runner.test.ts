import { describe, expect, it } from 'vitest';
import { runDetectors } from './runner.js';
import type { DetectDocument, Detector } from './types.js';

const doc = (id: string, text: string): DetectDocument => ({
  id, kind: 'comment', text, title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null,
});
const ctx = () => ({ now: new Date(0), parent: null });

describe('runDetectors', () => {
  const words: Detector = {
    id: 'words', version: '1', appliesTo: () => true,
    run: (d) => (d.text.includes('lừa') ? [{ category: 'scam-fraud', score: 1.7, explanation: 'x', evidence: {} }] : []),
  };
  const broken: Detector = { id: 'broken', version: '1', appliesTo: () => true, run: () => { throw new Error('boom'); } };

  it('keeps other detectors running when one throws, and reports the failure', () => {
    const r = runDetectors([broken, words], [doc('a', 'lừa đảo'), doc('b', 'bình thường')], ctx);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ documentId: 'a', detector: 'words', detectorVersion: '1', score: 1 });
    expect(r.failures.map((f) => `${f.detector}:${f.documentId}`)).toEqual(['broken:a', 'broken:b']);
  });

  it('skips documents a detector does not apply to', () => {
    const postsOnly: Detector = { ...words, appliesTo: (d) => d.kind === 'post' };
    expect(runDetectors([postsOnly], [doc('a', 'lừa')], ctx).findings).toEqual([]);
  });
});
