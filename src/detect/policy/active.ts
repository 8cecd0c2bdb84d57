/** The running policy: replaced only by a pack that validates, so a bad edit never takes effect. */
import { sha256Hex } from '../../core/hash.js';
import { DEFAULT_PACK_YAML } from './default-pack.js';
import { parsePolicyPack, type PolicyPack } from './parse.js';

export interface LoadedPack {
  pack: PolicyPack;
  yaml: string;
  /** SHA-256 of the YAML text: identifies the exact text a decision relied on, next to `pack.version`. */
  digest: string;
}

/** Parses YAML into a LoadedPack (throws AppError POLICY_INVALID with line and reason). */
export function loadPack(yaml: string, source = 'policy'): LoadedPack {
  return { pack: parsePolicyPack(yaml, source), yaml, digest: sha256Hex(yaml) };
}

let defaultPack: LoadedPack | null = null;

/** The shipped default pack (parsed once). */
export function loadDefaultPack(): LoadedPack {
  defaultPack ??= loadPack(DEFAULT_PACK_YAML, 'policies/default.yaml');
  return defaultPack;
}

/** The shipped default pack's YAML text (equal to policies/default.yaml). */
export function loadDefaultPackText(): string {
  return DEFAULT_PACK_YAML;
}

/**
 * Holds the pack in force. `replace` validates first; on any error it throws and the old pack stays.
 * Example: `const p = new ActivePolicy(loadDefaultPack()); p.replace(editedYaml)`.
 */
export class ActivePolicy {
  private current: LoadedPack;
  private readonly listeners: Array<(p: LoadedPack) => void> = [];

  constructor(initial: LoadedPack = loadDefaultPack()) {
    this.current = initial;
  }

  get pack(): LoadedPack {
    return this.current;
  }

  /** Validates `yaml` and makes it the running pack; returns it. Throws (and changes nothing) when invalid. */
  replace(yaml: string, source = 'policy'): LoadedPack {
    const next = loadPack(yaml, source);
    this.current = next;
    for (const l of this.listeners) l(next);
    return next;
  }

  /** Called after each successful replace (e.g. to rebuild the detectors). */
  onChange(listener: (p: LoadedPack) => void): void {
    this.listeners.push(listener);
  }
}
