import { createClaimMatcher } from '../detect/claims/index.js';
import { loadBundledClassifier, MODEL_NAMES } from '../detect/classifier/index.js';
import { loadDefaultPack, loadPack, type LoadedPack } from '../detect/policy/active.js';
import { createDefaultDetectors } from '../detect/registry.js';
import type { Detector } from '../detect/types.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../store/db.js';
import { activePolicyPack, savePolicyPack } from '../store/policy.js';
import { loadFactChecks } from './factchecks.js';

/** The policy pack in force: the newest applied one, else the shipped default. */
export async function activePack(db: Db): Promise<LoadedPack> {
  const stored = await activePolicyPack(db);
  return stored ? loadPack(stored.yaml, `policy pack #${stored.id}`) : loadDefaultPack();
}

/**
 * Builds the detectors from what is in force now: the policy pack, the shipped classifiers and the
 * published fact-checks. Called at start and again after a policy or fact-check change.
 */
export async function buildDetectors(db: Db): Promise<Detector[]> {
  const pack = (await activePack(db)).pack;
  const classifiers = MODEL_NAMES.map((name) => loadBundledClassifier(name));
  const factChecks = await loadFactChecks(db, { status: 'published' });
  return createDefaultDetectors({
    pack,
    classifiers,
    ...(factChecks.length > 0 ? { claimMatcher: createClaimMatcher(factChecks) } : {}),
  });
}

/**
 * Validates and applies a policy pack. An invalid pack throws POLICY_INVALID (line and reason) and
 * nothing changes: the running pack stays in force.
 */
export async function applyPolicy(deps: { db: Db; clock: Clock }, yaml: string, by: string): Promise<LoadedPack> {
  const loaded = loadPack(yaml, 'new policy pack');
  await savePolicyPack(deps.db, {
    packId: loaded.pack.id,
    version: loaded.pack.version,
    digest: loaded.digest,
    yaml,
    appliedBy: by,
    appliedAt: deps.clock.now(),
  });
  return loaded;
}
