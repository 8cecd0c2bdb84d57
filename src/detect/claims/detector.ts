/** The claim-matching detector: a 'false-information' finding per fact-check a document repeats. */
import { analysisOf } from '../analysis.js';
import type { Detector, FindingDraft } from '../types.js';
import type { ClaimMatcher } from './matcher.js';

export const CLAIM_DETECTOR_ID = 'claims';
export const CLAIM_DETECTOR_VERSION = '7';

// Huge documents are cut for matching; offsets stay valid because the cut keeps the start of the text.
const MAX_CHARS = 200_000;

/**
 * Wraps a matcher (built from the registry by the caller) as a Detector. True-verdict fact-checks never
 * produce findings: repeating a true statement is not false information.
 */
export function createClaimDetector(matcher: ClaimMatcher): Detector {
  return {
    id: CLAIM_DETECTOR_ID,
    version: CLAIM_DETECTOR_VERSION,
    appliesTo: (doc) => doc.text.trim().length > 0,
    run(doc, ctx): FindingDraft[] {
      const text = doc.text.length > MAX_CHARS ? doc.text.slice(0, MAX_CHARS) : doc.text;
      // The shared analysis keys the same text unless the document is longer than its cut.
      const analysis = analysisOf(doc, ctx);
      const keyTokens = analysis.text === text ? analysis.keyTokens() : undefined;
      const out: FindingDraft[] = [];
      for (const m of matcher.match(text, keyTokens ? { keyTokens } : {})) {
        const fc = matcher.factCheck(m.factCheckId);
        if (fc === undefined || fc.verdict === 'true') continue;
        out.push({
          category: 'false-information',
          score: m.score,
          explanation: m.explanation,
          evidence: {
            factCheckId: m.factCheckId,
            verdict: fc.verdict,
            correction: fc.correction,
            factCheckUrl: fc.url,
            passage: m.passage,
            score: m.score,
            explanation: m.explanation,
            features: m.features,
          },
        });
      }
      return out;
    },
  };
}
