/**
 * Reads a policy pack from YAML: syntax, structure (zod) and meaning (rule categories exist, phrase
 * lists exist, regular expressions compile, ids are unique). Any error is one AppError('POLICY_INVALID')
 * whose message starts with the line and column of the first problem; nothing is half-applied.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { AppError } from '../../core/errors.js';
import { parseCondition, type Condition, type Issue, type Path } from './conditions.js';
import { packSchema, type Bilingual, type PolicyCategory, type RawRule } from './schema.js';

/** A rule ready to compile: its condition parsed. */
export interface PolicyRule extends Omit<RawRule, 'when'> {
  when: Condition;
}

/** A validated policy pack. */
export interface PolicyPack {
  id: string;
  version: string;
  name: Bilingual;
  description?: Bilingual;
  categories: PolicyCategory[];
  phraseLists: Record<string, string[]>;
  rules: PolicyRule[];
}

/** One problem found in a pack, located in the YAML source (1-based line and column). */
export interface PolicyIssue {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** "rules[3].when.all[0]" for a path. */
export function formatPath(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s || '(top)';
}

/** The YAML node at `path`, or the nearest ancestor that exists (a missing key points at its parent). */
function nodeAt(doc: Document, path: Path): { node: Node | null; exact: boolean } {
  let cur: unknown = doc.contents;
  let exact = true;
  for (const key of path) {
    let next: unknown;
    if (isMap(cur)) {
      const pair = cur.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      next = pair?.value ?? (pair ? pair.key : undefined);
    } else if (isSeq(cur) && typeof key === 'number') next = cur.items[key];
    if (next === undefined || next === null) {
      exact = false;
      break;
    }
    cur = next;
  }
  return { node: (cur as Node | null) ?? null, exact };
}

/** Node of a map key (for "unknown key" messages, which should point at the key itself). */
function keyNode(doc: Document, path: Path, key: string): Node | null {
  const { node } = nodeAt(doc, path);
  if (!isMap(node)) return null;
  const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : null;
}

function locate(doc: Document, lc: LineCounter, node: Node | null): { line: number; column: number } {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function fail(issues: PolicyIssue[], source: string): never {
  const first = issues[0];
  const head = first ? `${source} line ${first.line}, column ${first.column}: ${first.path}: ${first.message}` : `${source}: invalid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new AppError('POLICY_INVALID', head + more, { details: { issues } });
}

/**
 * Parses and validates a pack. `source` names the file in messages (default "policy").
 * Example: `parsePolicyPack(yamlText, 'policies/default.yaml').version` → "2026.11.1".
 */
export function parsePolicyPack(yamlText: string, source = 'policy'): PolicyPack {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, path: '(yaml)', message: e.message.split('\n')[0] ?? e.message };
      }),
      source,
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail([{ line: 1, column: 1, path: '(top)', message: 'a policy pack is a YAML mapping with id, version, name, categories, rules' }], source);

  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((iss): PolicyIssue => {
      const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (iss.code === 'unrecognized_keys') {
        const key = iss.keys[0] ?? '';
        const node = keyNode(doc, path, key);
        return { ...locate(doc, lc, node ?? nodeAt(doc, path).node), path: formatPath([...path, key]), message: `unknown key '${iss.keys.join("', '")}'` };
      }
      const { node, exact } = nodeAt(doc, path);
      const message = exact ? iss.message : `${iss.message} (missing)`;
      return { ...locate(doc, lc, node), path: formatPath(path), message };
    });
    fail(sortIssues(issues), source);
  }
  const pack = parsed.data;
  const issues: Issue[] = [];
  const categoryIds = new Set<string>();
  pack.categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) issues.push({ path: ['categories', i, 'id'], message: `duplicate category id '${c.id}'` });
    categoryIds.add(c.id);
  });
  const lists = new Set(Object.keys(pack.phraseLists));
  const ruleIds = new Set<string>();
  const rules: PolicyRule[] = [];
  pack.rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) issues.push({ path: ['rules', i, 'id'], message: `duplicate rule id '${r.id}'` });
    ruleIds.add(r.id);
    if (!categoryIds.has(r.category)) issues.push({ path: ['rules', i, 'category'], message: `unknown category '${r.category}' (defined: ${[...categoryIds].join(', ')})` });
    const when = parseCondition(r.when, ['rules', i, 'when'], lists, issues);
    if (when) rules.push({ ...r, when });
  });
  if (issues.length > 0) {
    fail(
      sortIssues(
        issues.map((iss) => {
          const last = iss.path[iss.path.length - 1];
          const node = iss.atKey && typeof last === 'string' ? keyNode(doc, iss.path.slice(0, -1), last) : null;
          return { ...locate(doc, lc, node ?? nodeAt(doc, iss.path).node), path: formatPath(iss.path), message: iss.message };
        }),
      ),
      source,
    );
  }
  const out: PolicyPack = { id: pack.id, version: pack.version, name: pack.name, categories: pack.categories, phraseLists: pack.phraseLists, rules };
  if (pack.description) out.description = pack.description;
  return out;
}

function sortIssues(issues: PolicyIssue[]): PolicyIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parses without throwing: the pack, or the issues (for an editor that shows every problem). */
export function validatePolicyPack(yamlText: string, source = 'policy'): { ok: true; pack: PolicyPack } | { ok: false; message: string; issues: PolicyIssue[] } {
  try {
    return { ok: true, pack: parsePolicyPack(yamlText, source) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'POLICY_INVALID') return { ok: false, message: err.message, issues: (err.details?.issues as PolicyIssue[] | undefined) ?? [] };
    throw err;
  }
}
