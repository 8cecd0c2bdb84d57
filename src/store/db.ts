import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { AppError } from '../core/errors.js';
import { migrations } from './migrations/index.js';
import { pglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export interface StoreOptions {
  /** PostgreSQL server URL; when null, the embedded PGlite store in dataDir is used. */
  databaseUrl: string | null;
  /** Data directory of the embedded store; ':memory:' keeps it in memory (tests, `check`). */
  dataDir: string;
  /** PostgreSQL schema to use (created if missing); tests use one per file. */
  schema?: string;
  /** Connections the PostgreSQL pool may open; default 10. */
  poolSize?: number;
}

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// timestamptz and friends come back as Date from both drivers; int8 (count(*)) as a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? await openServer(options.databaseUrl, options.schema, options.poolSize ?? 10) : await openEmbedded(options.dataDir);
  try {
    await migrateToLatest(store.db, options.schema);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function openServer(url: string, schema: string | undefined, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    const client = await pool.connect();
    if (schema) await client.query(`create schema if not exists "${schema.replace(/"/g, '')}"`);
    client.release();
  } catch (err) {
    await pool.end();
    throw new AppError('STORE_UNAVAILABLE', `Cannot connect to the PostgreSQL server: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openEmbedded(dataDir: string): Promise<Store> {
  if (dataDir === ':memory:') {
    const pgl = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pgl) }) });
    return { db, kind: 'pglite', close: () => db.destroy() };
  }
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const releaseLock = await lockDataDir(dir);
  let pgl: PGlite;
  try {
    pgl = await PGlite.create(join(dir, 'pgdata'));
  } catch (err) {
    await releaseLock();
    throw new AppError('STORE_UNAVAILABLE', `Cannot open the embedded store in ${dir}: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pgl) }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await releaseLock();
    },
  };
}

/**
 * The embedded store is one process's at a time. A lock file with the pid makes a second process fail
 * with a clear message instead of corrupting the data directory; a stale lock (dead pid) is taken over.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'kiemtin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new AppError(
          'STORE_UNAVAILABLE',
          `The embedded store in ${dir} is in use by process ${pid}. Stop it, use its HTTP API, or set DATABASE_URL to share a PostgreSQL server.`,
          { details: { dataDir: dir, pid } },
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new AppError('STORE_UNAVAILABLE', `Cannot lock the embedded store in ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Applies pending migrations; `schema` keeps the bookkeeping tables in that schema (see StoreOptions). */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'kiemtin_migrations',
    migrationLockTableName: 'kiemtin_migrations_lock',
    // Kysely looks for its bookkeeping tables in every schema unless told which one.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError('STORE_UNAVAILABLE', `Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Empties every table (tests). */
export async function truncateAll(db: Db): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kiemtin_migrations%'`.execute(db);
  if (tables.rows.length === 0) return;
  const list = tables.rows.map((r) => `"${r.tablename}"`).join(', ');
  await sql.raw(`truncate ${list} restart identity cascade`).execute(db);
}
