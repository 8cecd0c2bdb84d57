import type { Detector } from './types.js';

/** Data the detectors are built from (loaded from the store by the caller; detectors stay pure). */
export type DetectorResources = Record<string, never>;

/**
 * The one list of detectors, in the order the runner applies them. Every entry passes the shared
 * contract test (src/detect/contract.test.ts).
 */
export function createDefaultDetectors(_resources: DetectorResources): Detector[] {
  return [];
}
