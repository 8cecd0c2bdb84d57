/**
 * One document's analysis, shared by every detector that runs on it: the runner builds one per
 * document and passes it in the context, and each part is computed on first use and kept, so the
 * text core's key syllables, the signal scan and the classifiers' hashed features are each computed
 * once per document however many detectors read them.
 */
import { keyTokens, type KeyToken } from '../text/index.js';
import type { ClassifierBank } from './classifier/bank.js';
import type { Prediction, TextClassifier } from './classifier/linear.js';
import { foldSameLength } from './signals/pii.js';
import { scanSignalsUncached, type SignalScan } from './signals/scan.js';
import type { DetectContext, DetectDocument } from './types.js';

/** Only this many leading characters are analysed, so a 1 MB page costs a bounded time; offsets stay valid. */
export const MAX_ANALYSED_CHARS = 64_000;

export class DocumentAnalysis {
  /** The analysed text: the document's first MAX_ANALYSED_CHARS characters. */
  readonly text: string;
  private keys: KeyToken[] | null = null;
  private scan: SignalScan | null = null;
  private foldedText: string | null = null;
  private readonly features = new Map<string, Int32Array>();
  private readonly predictions = new Map<TextClassifier, Prediction>();

  constructor(
    readonly doc: DetectDocument,
    readonly now: Date,
  ) {
    this.text = doc.text.length > MAX_ANALYSED_CHARS ? doc.text.slice(0, MAX_ANALYSED_CHARS) : doc.text;
  }

  /** The text core's key syllables of `text` (offsets into it). */
  keyTokens(): KeyToken[] {
    this.keys ??= keyTokens(this.text);
    return this.keys;
  }

  /** Every signal of `text` (phones, CCCD, accounts, e-mails, links and what they indicate). */
  signals(): SignalScan {
    this.scan ??= scanSignalsUncached(this.text, this.now, () => this.folded());
    return this.scan;
  }

  /** `text` lower-cased without diacritics, one unit per unit (offsets stay valid). */
  folded(): string {
    this.foldedText ??= foldSameLength(this.text);
    return this.foldedText;
  }

  /** What the classifiers read: the title, a line break and the whole text (they cut it themselves). */
  get classifierText(): string {
    return this.doc.title ? `${this.doc.title}\n${this.doc.text}` : this.doc.text;
  }

  /**
   * The classifier's prediction for `classifierText`, computed once. Models with the same feature
   * configuration share one feature extraction (hash once, score with each model); with a `bank`,
   * the models grouped with this one are scored in the same pass over the features.
   */
  prediction(classifier: TextClassifier, bank?: ClassifierBank): Prediction {
    let p = this.predictions.get(classifier);
    if (p !== undefined) return p;
    const key = classifier.featureKey;
    if (key === null) {
      p = classifier.classify(this.classifierText);
    } else {
      let idx = this.features.get(key);
      if (idx === undefined) {
        // The extractor hands out a view of its reused buffer: keep a copy for the next model.
        idx = classifier.features(this.classifierText).slice();
        this.features.set(key, idx);
      }
      // A bank scores every model of the classifier's group in one pass: keep them all.
      if (bank?.has(classifier))
        for (const [c, q] of bank.predictAll(classifier, idx))
          if (!this.predictions.has(c)) this.predictions.set(c, q);
      p = this.predictions.get(classifier) ?? classifier.predict(idx);
    }
    this.predictions.set(classifier, p);
    return p;
  }
}

/** The shared analysis the runner put in the context for this document, else a fresh one. */
export function analysisOf(doc: DetectDocument, ctx: DetectContext): DocumentAnalysis {
  const a = ctx.analysis;
  return a !== undefined && a.doc === doc && a.now.getTime() === ctx.now.getTime()
    ? a
    : new DocumentAnalysis(doc, ctx.now);
}
