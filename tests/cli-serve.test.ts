import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// The quick start's main job as a user runs it: demo data into a fresh embedded store, then the server.
describe('kiemtin demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiemtin-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the demo data and serves the API, the OpenAPI document and the overview page', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--port', '0'], {
      cwd: root,
      env: { ...process.env, KIEMTIN_DATA_DIR: join(dir, 'store'), KIEMTIN_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line; stderr:\n${stderr}`)), 100_000);
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}; stderr:\n${stderr}`)));
      });
      const token = /token for the API: (kt_[\w-]+)/.exec(stderr)?.[1];
      expect(token).toBeDefined();
      expect(await (await fetch(`${origin}/health`)).json()).toEqual({ ok: true, store: 'pglite' });
      const doc = (await (await fetch(`${origin}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/outlets', '/api/v1/push', '/api/v1/documents']));
      const outlets = (await (await fetch(`${origin}/api/v1/outlets`, { headers: { authorization: `Bearer ${token}` } })).json()) as { outlets: unknown[] };
      expect(outlets.outlets.length).toBeGreaterThanOrEqual(4);
      const page = await (await fetch(`${origin}/`)).text();
      expect(page).toContain('Báo điện tử Sông Hồng');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
