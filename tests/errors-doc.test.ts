import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/core/errors.js';

// docs/errors.md is what operators and API clients read; it must list exactly the codes the code can throw.
describe('docs/errors.md', () => {
  const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(yes|no)\s*\|/gm)].map((m) => ({
    code: m[1]!,
    status: Number(m[2]),
    retryable: m[3] === 'yes',
  }));

  it('lists every code of the registry, with its status and retryability, and nothing else', () => {
    const registry = Object.entries(ERROR_CODES).map(([code, info]) => ({ code, status: info.status, retryable: info.retryable }));
    expect(rows.sort((a, b) => a.code.localeCompare(b.code))).toEqual(registry.sort((a, b) => a.code.localeCompare(b.code)));
  });
});
