import type { DocumentKind, Finding, OutletType } from '../core/types.js';
import type { DocumentAnalysis } from './analysis.js';

/** What a detector sees of a document. Pure data; detectors never touch the store or the network. */
export interface DetectDocument {
  id: string;
  kind: DocumentKind;
  text: string;
  title: string | null;
  url: string | null;
  parentId: string | null;
  author: string | null;
  outletType: OutletType | null;
  publishedAt: Date | null;
}

/** Everything else a detector may use, passed in by the runner. */
export interface DetectContext {
  /** The time of the run (detectors have no clock). */
  now: Date;
  /** The parent post or comment, when there is one. */
  parent: DetectDocument | null;
  /**
   * Classifier scores already computed for this document, model name → label → 0..1. Optional: rules
   * with classifier conditions use these when present, else score the text with the models they were
   * built with.
   */
  classifierScores?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * The document's shared analysis (key syllables, signals, classifier features), built once by the
   * runner so detectors do not each derive it again. Optional: a detector called without one (or with
   * one for another document) builds its own, with the same results.
   */
  analysis?: DocumentAnalysis;
}

/** A finding before the runner stamps it with the document id, detector id and version. */
export type FindingDraft = Omit<Finding, 'documentId' | 'detector' | 'detectorVersion'>;

export interface Detector {
  readonly id: string;
  readonly version: string;
  appliesTo(doc: DetectDocument): boolean;
  /** Deterministic; must not throw on empty, huge or odd text; offsets in evidence stay inside the text. */
  run(doc: DetectDocument, ctx: DetectContext): FindingDraft[];
}
