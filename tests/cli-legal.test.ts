import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LEGAL_PROVISIONS, LEGAL_REGISTRY_VERSION } from '../src/review/legal-registry.js';
import { runCli } from './_util/cli.js';

// `kiemtin legal …` against an embedded store in a temporary directory, as an admin would use it.
const dir = mkdtempSync(join(tmpdir(), 'kiemtin-legal-'));
const env = { KIEMTIN_DATA_DIR: join(dir, 'store') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

it('adds, revises, replaces, lists on a day, shows history and exports; bad input names file, item and field', { timeout: 240_000 }, async () => {
  const added = await runCli(
    [
      'legal',
      'add',
      file('new.json', [
        { id: 'decree-99-2026-art10', instrument: 'Nghị định 99/2026/NĐ-CP', authority: 'Chính phủ', article: '10', summaryVi: 'Gỡ bỏ trong 12 giờ.', validFrom: '2026-12-01', categories: null, takedownHours: 12 },
        { id: 'bad-one', instrument: 'X', authority: 'Y', article: '1', summaryVi: 'Z', validFrom: '2026-12-01', validTo: '2026-11-01', categories: null },
      ]),
      '--by',
      'lan',
    ],
    { env },
  );
  expect(added.stdout).toContain('added decree-99-2026-art10 (revision 1');
  expect(added.stderr).toMatch(/new\.json\[1\]: validTo: must be after validFrom/);
  expect(added.code).not.toBe(0);

  const revised = await runCli(['legal', 'revise', 'decree-147-2024-art23', file('replace.json', { validTo: '2026-12-01', replacedBy: 'decree-99-2026-art10', reason: 'Thay thế' })], { env });
  expect(revised.code, revised.stderr).toBe(0);
  expect(revised.stdout).toContain('revised decree-147-2024-art23: revision 2');

  const bad = await runCli(['legal', 'revise', 'decree-99-2026-art10', file('bad.json', { takedownHours: -1, reason: 'x' })], { env });
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/bad\.json: takedownHours: must be positive/);

  const listed = await runCli(['legal', 'list', '--at', '2026-12-05', '--json'], { env });
  const ids = (JSON.parse(listed.stdout) as { provisions: Array<{ id: string }> }).provisions.map((p) => p.id);
  expect(ids).toContain('decree-99-2026-art10');
  expect(ids).not.toContain('decree-147-2024-art23');

  const shown = await runCli(['legal', 'show', 'decree-147-2024-art23'], { env });
  expect(shown.stdout).toContain('replaced by decree-99-2026-art10');
  expect(shown.stdout).toMatch(/revision 2: .* by cli:admin, registry vn-2026-11-28\.1\+2 — Thay thế/);

  const out = join(dir, 'export.json');
  expect((await runCli(['legal', 'export', '--history', '--out', out], { env })).code).toBe(0);
  const exported = JSON.parse(await readFile(out, 'utf8')) as { version: string; registryVersion: number; provisions: unknown[]; revisions: unknown[] };
  expect(exported).toMatchObject({ version: `${LEGAL_REGISTRY_VERSION}+2`, registryVersion: 3 });
  expect(exported.provisions).toHaveLength(LEGAL_PROVISIONS.length + 1);
  expect(exported.revisions).toHaveLength(LEGAL_PROVISIONS.length + 2);
});
