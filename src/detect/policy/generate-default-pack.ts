/**
 * Regenerates default-pack.ts from policies/default.yaml: `npx tsx src/detect/policy/generate-default-pack.ts`.
 * detect/ stays free of file I/O at run time; default-pack.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The TypeScript module text that embeds `yaml`. */
export function renderDefaultPackModule(yaml: string): string {
  const body = yaml.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return [
    '// Generated from policies/default.yaml by generate-default-pack.ts — edit the YAML, then regenerate.',
    '/** The shipped default policy pack, as YAML text (parse with parsePolicyPack). */',
    `export const DEFAULT_PACK_YAML = \`${body}\`;`,
    '',
  ].join('\n');
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const yaml = readFileSync(join(here, '../../../policies/default.yaml'), 'utf8');
  writeFileSync(join(here, 'default-pack.ts'), renderDefaultPackModule(yaml));
  console.log('wrote src/detect/policy/default-pack.ts');
}
