/**
 * `npm run bench [-- NAME...]`: runs every bench/*.bench.ts (or the named ones), prints figures and
 * writes bench/results/NAME.json. Each bench module exports `bench(): Promise<BenchResult>`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

export interface BenchResult {
  name: string;
  /** Figures with their unit in the key, e.g. { "ingest_pglite_docs_per_s": 12345 }. */
  figures: Record<string, number | string>;
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
await mkdir(join(here, 'results'), { recursive: true });
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version };
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  try {
    const mod = (await import(join(here, file))) as { bench: () => Promise<BenchResult> };
    const result = await mod.bench();
    for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k.padEnd(44)} ${v}`);
    for (const n of result.notes ?? []) console.log(`  note: ${n}`);
    await writeFile(
      join(here, 'results', `${name}.json`),
      JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2) + '\n',
    );
  } catch (err) {
    failed++;
    console.error(`  FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
