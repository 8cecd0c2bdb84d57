import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { DetectDocument } from '../../detect/types.js';
import { parsePolicyPack, type PolicyPack } from '../../detect/policy/index.js';
import { diffPacks } from '../../detect/rules/index.js';

/** What the policy commands need from the store (wired by the caller, so this file stays testable). */
export interface PolicyCommandDeps {
  loadDocuments(limit: number): Promise<DetectDocument[]>;
  activePack(): Promise<{ yaml: string; version: string }>;
  savePack(yaml: string): Promise<void>;
  /** The time documents are judged at; default: now. */
  now?: () => Date;
  /** Where output goes; default console.log. */
  print?: (line: string) => void;
}

async function readPackFile(file: string): Promise<{ yaml: string; pack: PolicyPack }> {
  let yaml: string;
  try {
    yaml = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot read policy file ${file}`, { cause: err, details: { path: file } });
  }
  // Throws POLICY_INVALID with "FILE line L, column C: path: reason" (exit code 2).
  return { yaml, pack: parsePolicyPack(yaml, file) };
}

function parseLimit(v: string | undefined): number {
  const n = Number(v ?? '1000');
  if (!Number.isInteger(n) || n < 1) throw new AppError('INVALID_INPUT', `--limit: expected a whole number ≥ 1, got "${v}"`);
  return n;
}

/** Adds `policy validate|show|backtest|apply` to the program. */
export function registerPolicyCommands(program: Command, deps: PolicyCommandDeps): void {
  const print = deps.print ?? ((line: string) => console.log(line));
  const policy = program.command('policy').description('policy packs: validate, show, backtest and apply (see docs/policy.md)');

  policy
    .command('validate <file>')
    .description('check a policy pack file; prints the line and reason of the first problem (exit 2)')
    .action(async (file: string) => {
      const { pack } = await readPackFile(file);
      print(`${file}: valid — pack ${pack.id} version ${pack.version}, ${pack.categories.length} categories, ${pack.rules.length} rules`);
    });

  policy
    .command('show')
    .description('print the policy pack in force (YAML)')
    .action(async () => {
      const active = await deps.activePack();
      print(active.yaml.trimEnd());
    });

  policy
    .command('backtest <file>')
    .description('run a pack over stored documents: what each rule would flag, and what changes against the pack in force')
    .option('--limit <n>', 'number of most recent documents', '1000')
    .option('--json', 'print the full report as JSON')
    .action(async (file: string, opts: { limit?: string; json?: boolean }) => {
      const limit = parseLimit(opts.limit);
      const { pack } = await readPackFile(file);
      const active = await deps.activePack();
      const current = parsePolicyPack(active.yaml, 'active policy');
      const docs = await deps.loadDocuments(limit);
      const diff = diffPacks(current, pack, docs, { now: deps.now?.() ?? new Date(), maxExamples: 5 });
      if (opts.json) {
        print(JSON.stringify(diff, null, 2));
        return;
      }
      print(`${docs.length} documents; pack ${pack.id} ${pack.version} flags ${diff.after.flaggedDocuments} (in force: ${current.version}, ${diff.before.flaggedDocuments})`);
      for (const r of diff.after.rules) {
        print(`  ${r.ruleId.padEnd(32)} ${String(r.count).padStart(6)}  ${r.category}`);
        for (const m of r.matches.slice(0, 3)) print(`      ${m.documentId}: ${m.explanation}`);
      }
      print(`would add ${diff.added.length} flagged document(s), remove ${diff.removed.length}`);
      for (const c of diff.rules) print(`  ${c.ruleId}: ${c.before} → ${c.after} (+${c.added.length} −${c.removed.length})`);
    });

  policy
    .command('apply <file>')
    .description('validate a pack and make it the one in force; on any error the running pack stays')
    .action(async (file: string) => {
      const { yaml, pack } = await readPackFile(file);
      await deps.savePack(yaml);
      print(`applied pack ${pack.id} version ${pack.version}`);
    });
}
