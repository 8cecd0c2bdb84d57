import type { Finding } from '../core/types.js';
import { DocumentAnalysis } from './analysis.js';
import type { DetectContext, DetectDocument, Detector } from './types.js';

export interface DetectorFailure {
  detector: string;
  documentId: string;
  message: string;
}

export interface DetectionResult {
  findings: Finding[];
  /** A detector that throws loses only its own findings for that document; the rest still run. */
  failures: DetectorFailure[];
}

/**
 * Runs every detector on every document, in registry order, isolating failures per detector. Each
 * document is analysed once (key syllables, signals, classifier features) for all detectors. Scores are clamped to 0..1 so one misbehaving detector cannot distort the queue.
 */
export function runDetectors(
  detectors: readonly Detector[],
  docs: readonly DetectDocument[],
  contextFor: (doc: DetectDocument) => DetectContext,
): DetectionResult {
  const findings: Finding[] = [];
  const failures: DetectorFailure[] = [];
  for (const doc of docs) {
    const given = contextFor(doc);
    const ctx: DetectContext = { ...given, analysis: new DocumentAnalysis(doc, given.now) };
    for (const d of detectors) {
      try {
        if (!d.appliesTo(doc)) continue;
        for (const draft of d.run(doc, ctx)) {
          const score = Number.isFinite(draft.score) ? Math.min(1, Math.max(0, draft.score)) : 0;
          findings.push({ ...draft, score, documentId: doc.id, detector: d.id, detectorVersion: d.version });
        }
      } catch (err) {
        failures.push({ detector: d.id, documentId: doc.id, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return { findings, failures };
}
