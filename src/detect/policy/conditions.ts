/**
 * Rule conditions: the parsed form and its validation. Written by hand instead of as a zod union so
 * that an error names the exact key that is wrong ("unknown condition 'phrase'") and where it is.
 */
import { OUTLET_TYPES, type DocumentKind, type OutletType } from '../../core/types.js';
import { SIGNAL_NAMES, type SignalName } from '../signals/types.js';

export interface Range {
  atLeast?: number;
  atMost?: number;
}

export interface FieldCondition {
  kind?: DocumentKind[];
  outletType?: OutletType[];
  author?: string[];
  ageMinutes?: Range;
  hasLinks?: boolean;
  linkCount?: Range;
}

/** A parsed condition; the YAML form is the same object with the type as its only key. */
export type Condition =
  | { type: 'phrases'; phrases: string[] }
  | { type: 'phraseList'; list: string }
  | { type: 'regex'; pattern: string; flags: string }
  | { type: 'domains'; domains: string[] }
  | { type: 'urls'; urls: string[] }
  | { type: 'field'; field: FieldCondition }
  | { type: 'classifier'; model: string; label: string; atLeast: number }
  | { type: 'signal'; signal: SignalName; atLeast: number }
  | { type: 'count'; atLeast: number; phrases?: string[]; phraseList?: string; signal?: SignalName; of?: Condition[] }
  | { type: 'all'; of: Condition[] }
  | { type: 'any'; of: Condition[] }
  | { type: 'not'; of: Condition };

export const CONDITION_KEYS = ['phrases', 'phraseList', 'regex', 'domains', 'urls', 'field', 'classifier', 'signal', 'count', 'all', 'any', 'not'] as const;

export type Path = ReadonlyArray<string | number>;
export interface Issue {
  path: Path;
  message: string;
  /** Point at the last key of the path itself (an unknown key), not at its value. */
  atKey?: boolean;
}

interface Ctx {
  issues: Issue[];
  phraseLists: ReadonlySet<string>;
  depth: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(v: unknown, path: Path, ctx: Ctx, what: string): string[] | undefined {
  const arr = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(arr) || arr.length === 0) {
    ctx.issues.push({ path, message: `${what}: expected a non-empty list of strings` });
    return undefined;
  }
  const out: string[] = [];
  arr.forEach((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') ctx.issues.push({ path: [...path, i], message: `${what}: expected a non-empty string` });
    else out.push(x);
  });
  return out;
}

function range(v: unknown, path: Path, ctx: Ctx): Range | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return { atLeast: v };
  if (!isObj(v)) {
    ctx.issues.push({ path, message: 'expected a number or {atLeast, atMost}' });
    return undefined;
  }
  const r: Range = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'atLeast' || k === 'atMost') && typeof x === 'number' && Number.isFinite(x)) r[k] = x;
    else ctx.issues.push({ path: [...path, k], message: k === 'atLeast' || k === 'atMost' ? `${k}: expected a number` : `unknown key '${k}' (expected atLeast, atMost)` });
  }
  if (r.atLeast === undefined && r.atMost === undefined) ctx.issues.push({ path, message: 'give atLeast or atMost' });
  return r;
}

function signalName(v: unknown, path: Path, ctx: Ctx): SignalName | undefined {
  if (typeof v === 'string' && (SIGNAL_NAMES as readonly string[]).includes(v)) return v as SignalName;
  ctx.issues.push({ path, message: `unknown signal ${JSON.stringify(v)} (known: ${SIGNAL_NAMES.join(', ')})` });
  return undefined;
}

function listRef(v: unknown, path: Path, ctx: Ctx): string | undefined {
  if (typeof v === 'string' && ctx.phraseLists.has(v)) return v;
  ctx.issues.push({ path, message: `unknown phrase list ${JSON.stringify(v)} (defined: ${[...ctx.phraseLists].join(', ') || 'none'})` });
  return undefined;
}

function checkRegex(pattern: string, flags: string, path: Path, ctx: Ctx): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch (err) {
    ctx.issues.push({ path, message: `invalid regular expression: ${err instanceof Error ? err.message : String(err)}` });
    return false;
  }
}

function field(v: unknown, path: Path, ctx: Ctx): FieldCondition | undefined {
  if (!isObj(v) || Object.keys(v).length === 0) {
    ctx.issues.push({ path, message: 'field: expected an object with kind, outletType, author, ageMinutes, hasLinks or linkCount' });
    return undefined;
  }
  const f: FieldCondition = {};
  for (const [k, x] of Object.entries(v)) {
    const p = [...path, k];
    switch (k) {
      case 'kind': {
        const l = stringList(x, p, ctx, 'kind');
        if (l?.every((s) => s === 'post' || s === 'comment')) f.kind = l as DocumentKind[];
        else if (l) ctx.issues.push({ path: p, message: 'kind: expected post or comment' });
        break;
      }
      case 'outletType': {
        const l = stringList(x, p, ctx, 'outletType');
        const bad = l?.find((s) => !(OUTLET_TYPES as readonly string[]).includes(s));
        if (bad !== undefined) ctx.issues.push({ path: p, message: `outletType: unknown type "${bad}" (known: ${OUTLET_TYPES.join(', ')})` });
        else if (l) f.outletType = l as OutletType[];
        break;
      }
      case 'author': {
        const l = stringList(x, p, ctx, 'author');
        if (l) f.author = l;
        break;
      }
      case 'ageMinutes':
      case 'linkCount': {
        const r = range(x, p, ctx);
        if (r) f[k] = r;
        break;
      }
      case 'hasLinks':
        if (typeof x === 'boolean') f.hasLinks = x;
        else ctx.issues.push({ path: p, message: 'hasLinks: expected true or false' });
        break;
      default:
        ctx.issues.push({ path: p, atKey: true, message: `field: unknown field '${k}' (expected kind, outletType, author, ageMinutes, hasLinks, linkCount)` });
    }
  }
  return f;
}

function conditionList(v: unknown, path: Path, ctx: Ctx, what: string): Condition[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    ctx.issues.push({ path, message: `${what}: expected a non-empty list of conditions` });
    return undefined;
  }
  const out: Condition[] = [];
  v.forEach((x, i) => {
    const c = parseConditionAt(x, [...path, i], ctx);
    if (c) out.push(c);
  });
  return out.length === v.length ? out : undefined;
}

function parseConditionAt(v: unknown, path: Path, ctx: Ctx): Condition | undefined {
  if (ctx.depth > 32) {
    ctx.issues.push({ path, message: 'conditions are nested too deeply (more than 32 levels)' });
    return undefined;
  }
  if (!isObj(v)) {
    ctx.issues.push({ path, message: `expected a condition object with one of: ${CONDITION_KEYS.join(', ')}` });
    return undefined;
  }
  const keys = Object.keys(v);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined) {
    ctx.issues.push({ path, message: `a condition has exactly one key (one of: ${CONDITION_KEYS.join(', ')}); got ${keys.length === 0 ? 'none' : keys.join(', ')} — combine several with all/any` });
    return undefined;
  }
  const x = v[key];
  const p = [...path, key];
  ctx.depth++;
  try {
    switch (key) {
      case 'phrases': {
        const l = stringList(x, p, ctx, 'phrases');
        return l && { type: 'phrases', phrases: l };
      }
      case 'phraseList': {
        const l = listRef(x, p, ctx);
        return l === undefined ? undefined : { type: 'phraseList', list: l };
      }
      case 'regex': {
        const pattern = typeof x === 'string' ? x : isObj(x) && typeof x.pattern === 'string' ? x.pattern : undefined;
        // Case-insensitive and Unicode by default; `caseSensitive: true` drops the i.
        const flags = isObj(x) && x.caseSensitive === true ? 'u' : 'iu';
        if (pattern === undefined || pattern === '') {
          ctx.issues.push({ path: p, message: 'regex: expected a pattern string or {pattern, caseSensitive?}' });
          return undefined;
        }
        if (isObj(x)) for (const k of Object.keys(x)) if (k !== 'pattern' && k !== 'caseSensitive') ctx.issues.push({ path: [...p, k], message: `regex: unknown key '${k}'` });
        return checkRegex(pattern, flags, p, ctx) ? { type: 'regex', pattern, flags } : undefined;
      }
      case 'domains': {
        const l = stringList(x, p, ctx, 'domains');
        return l && { type: 'domains', domains: l.map((d) => d.toLowerCase().replace(/^\*?\./, '')) };
      }
      case 'urls': {
        const l = stringList(x, p, ctx, 'urls');
        return l && { type: 'urls', urls: l.map(normalizeUrlPrefix) };
      }
      case 'field': {
        const f = field(x, p, ctx);
        return f && { type: 'field', field: f };
      }
      case 'classifier': {
        if (!isObj(x) || typeof x.model !== 'string' || typeof x.label !== 'string' || typeof x.atLeast !== 'number' || x.atLeast < 0 || x.atLeast > 1) {
          ctx.issues.push({ path: p, message: 'classifier: expected {model, label, atLeast} with atLeast between 0 and 1' });
          return undefined;
        }
        return { type: 'classifier', model: x.model, label: x.label, atLeast: x.atLeast };
      }
      case 'signal': {
        const name = signalName(isObj(x) ? x.name : x, isObj(x) ? [...p, 'name'] : p, ctx);
        const atLeast = isObj(x) && typeof x.atLeast === 'number' ? x.atLeast : 1;
        return name && { type: 'signal', signal: name, atLeast };
      }
      case 'count':
        return countCondition(x, p, ctx);
      case 'all':
      case 'any': {
        const l = conditionList(x, p, ctx, key);
        return l && { type: key, of: l };
      }
      case 'not': {
        const c = parseConditionAt(x, p, ctx);
        return c && { type: 'not', of: c };
      }
      default:
        ctx.issues.push({ path: p, atKey: true, message: `unknown condition '${key}' (expected one of: ${CONDITION_KEYS.join(', ')})` });
        return undefined;
    }
  } finally {
    ctx.depth--;
  }
}

function countCondition(x: unknown, p: Path, ctx: Ctx): Condition | undefined {
  if (!isObj(x) || typeof x.atLeast !== 'number' || !Number.isInteger(x.atLeast) || x.atLeast < 1) {
    ctx.issues.push({ path: p, message: 'count: expected {atLeast: N (a whole number ≥ 1), and one of phrases, phraseList, signal, of}' });
    return undefined;
  }
  const sources = ['phrases', 'phraseList', 'signal', 'of'].filter((k) => k in x);
  const extra = Object.keys(x).filter((k) => k !== 'atLeast' && !sources.includes(k));
  if (sources.length !== 1 || extra.length > 0) {
    ctx.issues.push({ path: p, message: `count: give exactly one of phrases, phraseList, signal, of${extra.length > 0 ? ` (unknown: ${extra.join(', ')})` : ''}` });
    return undefined;
  }
  const c: Condition = { type: 'count', atLeast: x.atLeast };
  if ('phrases' in x) {
    const l = stringList(x.phrases, [...p, 'phrases'], ctx, 'phrases');
    if (!l) return undefined;
    c.phrases = l;
  } else if ('phraseList' in x) {
    const l = listRef(x.phraseList, [...p, 'phraseList'], ctx);
    if (l === undefined) return undefined;
    c.phraseList = l;
  } else if ('signal' in x) {
    const s = signalName(x.signal, [...p, 'signal'], ctx);
    if (!s) return undefined;
    c.signal = s;
  } else {
    const l = conditionList(x.of, [...p, 'of'], ctx, 'of');
    if (!l) return undefined;
    c.of = l;
  }
  return c;
}

/** URL prefixes compare without scheme, "www." and case of the host: "https://www.Bit.ly/x" → "bit.ly/x". */
export function normalizeUrlPrefix(u: string): string {
  return u.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/^[^/]+/, (h) => h.toLowerCase());
}

/** Parses one condition, collecting issues (with paths relative to `path`) instead of throwing. */
export function parseCondition(v: unknown, path: Path, phraseLists: ReadonlySet<string>, issues: Issue[]): Condition | undefined {
  return parseConditionAt(v, path, { issues, phraseLists, depth: 0 });
}
