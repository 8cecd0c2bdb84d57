/** A Detector (see detect/types.ts) backed by one trained text classifier. */
import { analysisOf } from '../analysis.js';
import type { Detector, DetectContext, DetectDocument, FindingDraft } from '../types.js';
import type { ClassifierBank } from './bank.js';
import type { TextClassifier } from './linear.js';

/** Default label → harm category per shipped model; labels not listed (clean, not-spam) never yield findings. */
export const DEFAULT_LABEL_CATEGORIES: Record<string, Record<string, string>> = {
  'hate-speech': { hate: 'hate-speech', offensive: 'harassment' },
  toxic: { toxic: 'harassment' },
  spam: { spam: 'spam' },
};

export interface ClassifierDetectorOptions {
  /** Label → harm category; defaults to DEFAULT_LABEL_CATEGORIES for the model's name. */
  categories?: Record<string, string>;
  /**
   * Label → minimum calibrated score for a finding. A label with a threshold yields a finding whenever
   * its score reaches it; a label without one only when it is the model's decided label.
   */
  labelThresholds?: Record<string, number>;
  /** How many n-grams to list in the explanation and evidence (default 5). */
  topFeatures?: number;
  /** Scores this model together with the others of the bank (same results, one pass over the features). */
  bank?: ClassifierBank;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Creates a detector that classifies a document's title and text with `classifier`. */
export function createClassifierDetector(classifier: TextClassifier, options: ClassifierDetectorOptions = {}): Detector {
  const model = classifier.model;
  const categories = options.categories ?? DEFAULT_LABEL_CATEGORIES[model.name] ?? {};
  const thresholds = options.labelThresholds ?? {};
  const topN = options.topFeatures ?? 5;
  return {
    id: `classifier:${model.name}`,
    version: model.version,
    appliesTo(doc: DetectDocument): boolean {
      return doc.text.trim() !== '' || (doc.title ?? '').trim() !== '';
    },
    run(doc: DetectDocument, ctx: DetectContext): FindingDraft[] {
      const analysis = analysisOf(doc, ctx);
      const text = analysis.classifierText;
      // The bank scores its other models too: worth it only when they read the same (shared) analysis.
      const prediction = analysis.prediction(classifier, ctx.analysis === analysis ? options.bank : undefined);
      const findings: FindingDraft[] = [];
      const scores: Record<string, number> = {};
      for (const [label, p] of Object.entries(prediction.scores)) scores[label] = round(p);
      for (const [label, category] of Object.entries(categories)) {
        const score = prediction.scores[label];
        if (score === undefined) continue;
        const threshold = thresholds[label];
        const hit = threshold === undefined ? prediction.label === label : score >= threshold;
        if (!hit) continue;
        const top = classifier.explain(text, topN, label).map((f) => ({ ngram: f.ngram, weight: round(f.weight) }));
        const ngrams = top.length > 0 ? top.map((f) => `"${f.ngram}"`).join(', ') : '(không có)';
        findings.push({
          category,
          score: round(score),
          explanation: `Mô hình ${model.name}: ${score.toFixed(2)} ${label}; n-gram nặng nhất: ${ngrams}.`,
          evidence: { model: model.name, modelVersion: model.version, label, scores, topFeatures: top },
        });
      }
      return findings;
    },
  };
}
