import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { loadDefaultPack, loadDefaultPackText } from '../../detect/policy/index.js';
import { exitCodeFor } from '../errors.js';
import { registerPolicyCommands } from './policy.js';

const dir = mkdtempSync(join(tmpdir(), 'kiemtin-policy-'));
const good = join(dir, 'good.yaml');
const bad = join(dir, 'bad.yaml');
writeFileSync(good, loadDefaultPackText().replace(/^version: "[^"]+"$/m, 'version: "next"'));
writeFileSync(bad, loadDefaultPackText().replace('score: 0.7\n', 'score: 70\n'));

function setup() {
  let active = loadDefaultPackText();
  const lines: string[] = [];
  const program = new Command().exitOverride();
  registerPolicyCommands(program, {
    loadDocuments: async () => [
      { id: 'd1', kind: 'comment', text: 'vào fb88.vip nạp 100k tặng 200k', title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null },
    ],
    activePack: async () => ({ yaml: active, version: loadDefaultPack().pack.version }),
    savePack: async (yaml) => {
      active = yaml;
    },
    now: () => new Date('2026-11-28T00:00:00Z'),
    print: (l) => lines.push(l),
  });
  return { program, lines, active: () => active };
}

describe('kiemtin policy', () => {
  it('validate: refuses a bad file with line and reason and exit code 2', async () => {
    const { program } = setup();
    const err = await program.parseAsync(['node', 'k', 'policy', 'validate', bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/bad\.yaml line \d+, column \d+: rules\[0\]\.score: score must be between 0 and 1/);
    expect(exitCodeFor(err)).toBe(2);
  });

  it('apply: keeps the running pack when the file is invalid, and replaces it when valid', async () => {
    const s = setup();
    const before = s.active();
    await expect(s.program.parseAsync(['node', 'k', 'policy', 'apply', bad])).rejects.toThrow(/POLICY|line/);
    expect(s.active()).toBe(before);
    await s.program.parseAsync(['node', 'k', 'policy', 'apply', good]);
    expect(s.active()).toContain('version: "next"');
  });

  it('backtest: lists what each rule would flag on stored documents', async () => {
    const s = setup();
    await s.program.parseAsync(['node', 'k', 'policy', 'backtest', good, '--limit', '10']);
    expect(s.lines[0]).toMatch(/^1 documents; pack default next flags 1/);
    expect(s.lines.some((l) => /gambling-site\s+1/.test(l))).toBe(true);
  });
});
