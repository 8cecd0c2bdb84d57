import type { Detector } from './types.js';
import { createClaimDetector, type ClaimMatcher } from './claims/index.js';
import { ClassifierBank, createClassifierDetector, type ClassifierDetectorOptions, type TextClassifier } from './classifier/index.js';
import { createTextReuseDetector, type ReuseSource } from './neardup/index.js';
import { loadDefaultPack } from './policy/active.js';
import type { PolicyPack } from './policy/parse.js';
import { CompiledPack, type Scorer } from './rules/engine.js';
import { createRulesDetector } from './rules/detector.js';
import { createPersonalDataDetector } from './signals/personal-data.js';

/** Data the detectors are built from (loaded from the store by the caller; detectors stay pure). */
export interface DetectorResources {
  /** The policy pack in force; default: the shipped pack (policies/default.yaml, embedded). */
  pack?: PolicyPack;
  /** Loaded classifier models; each becomes a detector and a scorer for rules' classifier conditions. */
  classifiers?: readonly TextClassifier[];
  /** Claim matcher over the published fact-checks. */
  claimMatcher?: ClaimMatcher;
  /** Articles comments are compared with for text reuse (besides each comment's parent). */
  reuseArticles?: readonly ReuseSource[];
}

/**
 * Which classifiers report findings on their own, and from what score. Measured on the demo and dev
 * data: the spam model (trained on e-commerce reviews) calls most news comments spam, so it serves only
 * the rules' classifier conditions; the toxic model is weaker than hate-speech, so it needs more
 * confidence. Findings are leads for a person either way.
 */
export const DEFAULT_CLASSIFIER_FINDINGS: Record<string, ClassifierDetectorOptions | null> = {
  'hate-speech': { labelThresholds: { hate: 0.5, offensive: 0.6 } },
  toxic: { labelThresholds: { toxic: 0.75 } },
  spam: null,
};

/** Model name → scorer for the rules' classifier conditions (scored with the bank's models when given). */
export function classifierScorers(classifiers: readonly TextClassifier[], bank?: ClassifierBank): Record<string, Scorer> {
  const out: Record<string, Scorer> = {};
  for (const c of classifiers) out[c.model.name] = (text, analysis) => ({ ...(analysis ? analysis.prediction(c, bank) : c.classify(text)).scores });
  return out;
}

/**
 * The one list of detectors, in the order the runner applies them: rules, personal-data, classifiers
 * (when models are given), claims (when a matcher is given), text-reuse. Every entry passes the shared
 * contract test (src/detect/contract.test.ts).
 */
export function createDefaultDetectors(resources: DetectorResources = {}): Detector[] {
  const classifiers = resources.classifiers ?? [];
  // The models with detectors of their own are scored on every document: in one pass over the
  // features. The rules' conditions and the detectors read one prediction per model and document.
  const bank = new ClassifierBank(classifiers.filter((c) => DEFAULT_CLASSIFIER_FINDINGS[c.model.name] !== null));
  const pack = new CompiledPack(resources.pack ?? loadDefaultPack().pack, classifierScorers(classifiers, bank));
  const out: Detector[] = [createRulesDetector(pack), createPersonalDataDetector()];
  for (const c of classifiers) {
    const options = DEFAULT_CLASSIFIER_FINDINGS[c.model.name];
    if (options !== null) out.push(createClassifierDetector(c, { ...options, bank }));
  }
  if (resources.claimMatcher) out.push(createClaimDetector(resources.claimMatcher));
  out.push(createTextReuseDetector(resources.reuseArticles ? { articles: resources.reuseArticles } : {}));
  return out;
}
