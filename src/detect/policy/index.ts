/** Policy as data: the pack format, its validation with line numbers, the shipped default pack. */
export { parsePolicyPack, validatePolicyPack, formatPath, type PolicyPack, type PolicyRule, type PolicyIssue } from './parse.js';
export { SEVERITIES, POLICY_ACTIONS, type Severity, type PolicyAction, type PolicyCategory, type LegalRef, type Bilingual } from './schema.js';
export { CONDITION_KEYS, normalizeUrlPrefix, type Condition, type FieldCondition, type Range } from './conditions.js';
export { ActivePolicy, loadPack, loadDefaultPack, loadDefaultPackText, type LoadedPack } from './active.js';
export { DEFAULT_PACK_YAML } from './default-pack.js';
