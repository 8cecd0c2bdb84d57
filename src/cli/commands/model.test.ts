import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { syntheticCorpus } from '../../detect/classifier/testing.js';
import { classifyLine, openClassifier, resolveTrainingFiles, runClassify, runEval, runTrain } from './model.js';
import { DATASETS } from '../../detect/classifier/index.js';

const dir = mkdtempSync(join(tmpdir(), 'kiemtin-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvOf = (n: number, seed: number): string => {
  const { texts, labels } = syntheticCorpus(n, seed);
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return ['free_text,label_id', ...texts.map((t, i) => `${quote(t)},${labels[i]}`)].join('\n') + '\n';
};
mkdirSync(join(dir, 'data', 'vihsd'), { recursive: true });
writeFileSync(join(dir, 'data', 'vihsd', 'train.csv'), csvOf(240, 11));
writeFileSync(join(dir, 'data', 'vihsd', 'dev.csv'), csvOf(60, 12));
const modelFile = join(dir, 'out', 'hate-speech.ktc');
mkdirSync(join(dir, 'out'));
const logs: string[] = [];
const trained = runTrain(
  {
    model: 'hate-speech',
    data: join(dir, 'data'),
    out: modelFile,
    overrides: { folds: 2, epochs: 3, features: { bits: 14 } },
  },
  (l) => logs.push(l),
);
const clf = openClassifier('hate-speech', modelFile);

describe('model train', () => {
  it('writes a model file and a model card with dev metrics', () => {
    expect(trained.path).toBe(modelFile);
    expect(trained.dev?.macroF1).toBeGreaterThan(0.9);
    const card = readFileSync(join(dir, 'out', 'hate-speech.md'), 'utf8');
    expect(card).toContain('# Model card: `hate-speech`');
    expect(card).toContain('research');
    expect(card).toMatch(/macro-F1 \*\*\d+\.\d\d%\*\*/);
    expect(logs.some((l) => l.includes('macro-F1'))).toBe(true);
  });

  it('accepts the dataset folder as well as the data root, and names what is missing', () => {
    expect(resolveTrainingFiles(join(dir, 'data', 'vihsd'), DATASETS['hate-speech']).train).toBe(
      join(dir, 'data', 'vihsd', 'train.csv'),
    );
    expect(() => resolveTrainingFiles(dir, DATASETS.toxic)).toThrow(/victsd\/ViCTSD_train\.csv/);
    try {
      runTrain({ model: 'nope', data: dir }, () => {});
    } catch (err) {
      expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
    }
  });
});

describe('model eval', () => {
  it('scores a labelled CSV with generic text,label columns', () => {
    const file = join(dir, 'generic.csv');
    writeFileSync(file, 'text,label\n"bài viết đồ ngu",offensive\ncảm ơn bạn rất hay,clean\nlũ bắc kỳ cút về nước,hate\n');
    const report = runEval(clf, file);
    expect(report.n).toBe(3);
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.macroF1).toBe(1);
  });

  it('rejects a CSV without the needed columns', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    expect(() => runEval(clf, file)).toThrow(/no text column/);
  });
});

describe('classify', () => {
  it('answers one line per input line, in order, with errors in place', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    input.end(
      [
        '{"id":"a","text":"lũ bắc kỳ cút về nước"}',
        'not json',
        '',
        '{"id":7,"text":"cảm ơn bạn bài viết rất hay"}',
        '{"id":"c"}',
        '[1]',
      ].join('\n'),
    );
    const counts = await runClassify(clf, input, output);
    const lines = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(counts).toEqual({ lines: 5, errors: 3 });
    expect(lines.map((l) => l.id)).toEqual(['a', null, 7, 'c', null]);
    expect(lines[0]).toMatchObject({ label: 'hate' });
    expect(Object.keys(lines[0]!.scores as object)).toEqual(['clean', 'offensive', 'hate']);
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/invalid JSON/) });
    expect(lines[2]).toMatchObject({ label: 'clean' });
    expect(lines[3]).toMatchObject({ line: 5, error: 'field "text" must be a string' });
  });

  it('adds the top n-grams on request', () => {
    const { json, ok } = classifyLine(clf, '{"id":1,"text":"đồ ngu"}', 1, { explain: 3 });
    expect(ok).toBe(true);
    const out = JSON.parse(json) as { topFeatures: { ngram: string }[] };
    expect(out.topFeatures.length).toBeGreaterThan(0);
  });

  it('loads the shipped models from the package models/ folder', () => {
    for (const name of ['hate-speech', 'toxic', 'spam']) {
      const shipped = openClassifier(name);
      expect(shipped.model.name).toBe(name);
      const p = shipped.classify('xin chào');
      expect(shipped.labels).toContain(p.label);
      expect(Object.values(p.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
    expect(() => openClassifier('sentiment')).toThrow(/unknown model "sentiment"/);
  });
});
