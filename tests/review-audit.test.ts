import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore, type Db } from '../src/store/db.js';
import { appendAudit, verifyAuditChain } from '../src/store/review/audit.js';
import { Command } from 'commander';
import { registerReviewCommands } from '../src/cli/commands/review.js';
import { exitCodeFor, formatError } from '../src/cli/errors.js';
import { setEnvironment } from '../src/cli/shared.js';
import { describeStores } from './_util/db.js';

const at = new Date('2026-11-28T09:00:00Z');
async function writeEntries(db: Db, n: number): Promise<void> {
  // Concurrent transactions: the head lock must keep the chain linear.
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.transaction().execute((trx) => appendAudit(trx, { actor: `user:r${i % 3}`, action: 'case.claimed', subject: `case:KT-2026-${String(i).padStart(6, '0')}`, payload: { i, note: 'Đã nhận hồ sơ', nested: { b: 2, a: [1, 'x'] } } }, at)),
    ),
  );
}
/** Tampering needs the append-only trigger out of the way, as a database superuser could do. */
async function tamper(db: Db, statement: string): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  await sql.raw(statement).execute(db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
}

describeStores('audit log chain', (h) => {
  it('stays one linear chain under concurrent writers and verifies', async () => {
    await writeEntries(h.store.db, 20);
    const ids = await h.store.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    expect(ids.map((r) => Number(r.id))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(h.store.db, 7)).toMatchObject({ ok: true, entries: 20, firstBad: null });
  });

  it('refuses updates and deletes at the database', async () => {
    await writeEntries(h.store.db, 2);
    await expect(sql`update audit_log set actor = 'x' where id = 1`.execute(h.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 2`.execute(h.store.db)).rejects.toThrow(/append-only/);
  });

  it.each([
    ['actor changed', `update audit_log set actor = 'user:mallory' where id = 5`, 5],
    ['payload value changed', `update audit_log set payload = jsonb_set(payload, '{i}', '40') where id = 6`, 6],
    ['spelling of a payload number changed', `update audit_log set payload = jsonb_set(payload, '{i}', '6.0') where id = 7`, 7],
    ['time moved by one microsecond', `update audit_log set at = at + interval '1 microsecond' where id = 8`, 8],
    ['hash replaced', `update audit_log set hash = repeat('a', 64) where id = 9`, 9],
    ['entry in the middle deleted', `delete from audit_log where id = 4`, 4],
    ['last entry deleted', `delete from audit_log where id = 10`, 10],
  ])('names the first bad entry: %s', async (_what, statement, bad) => {
    await writeEntries(h.store.db, 10);
    await tamper(h.store.db, statement);
    const r = await verifyAuditChain(h.store.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.id).toBe(bad);
  });
});

/** Runs the review commands in process, with main.ts's error handling (exit code, message on stderr). */
async function runReviewCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command('kiemtin').option('--data-dir <dir>').exitOverride();
  registerReviewCommands(program);
  setEnvironment({ KIEMTIN_LOG_LEVEL: 'silent', ...env });
  const out: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  try {
    await program.parseAsync(['node', 'kiemtin', ...args]);
    return { code: 0, stdout: out.join('\n'), stderr: '' };
  } catch (err) {
    return { code: exitCodeFor(err), stdout: out.join('\n'), stderr: formatError(err) };
  } finally {
    console.log = log;
  }
}

// `kiemtin audit verify` as a user runs it: exit 0 on an intact chain, non-zero naming the entry.
describe('kiemtin audit verify', () => {
  // The PostgreSQL server when there is one (the case that matters: a database others can write to);
  // otherwise an embedded store on disk, which is slow to open several times.
  const server = process.env.KIEMTIN_TEST_DATABASE_URL;
  const targets = [server ? { name: 'postgres', url: server as string | null } : { name: 'pglite', url: null as string | null }];
  it.each(targets)('exits 0 when intact and 1 naming a tampered entry [$name]', async ({ url }) => {
    const dir = await mkdtemp(join(tmpdir(), 'kiemtin-audit-'));
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const open = () => openStore({ databaseUrl: url, dataDir: dir, ...(url ? { schema } : {}) });
    const env: Record<string, string> = url ? { DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` } : { KIEMTIN_DATA_DIR: dir };
    try {
      let store = await open();
      await writeEntries(store.db, 5);
      await store.close();
      const ok = await runReviewCli(['audit', 'verify'], env);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('5 entries');
      store = await open();
      await tamper(store.db, `update audit_log set payload = '{"i": 99}' where id = 3`);
      await store.close();
      const bad = await runReviewCli(['audit', 'verify'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('entry 3');
      expect(bad.stderr).toContain('AUDIT_CHAIN_BROKEN');
    } finally {
      if (url) {
        const store = await open();
        await sql.raw(`drop schema "${schema}" cascade`).execute(store.db);
        await store.close();
      }
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
