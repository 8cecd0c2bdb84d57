import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { sql } from 'kysely';
import { openStore, truncateAll, type Store } from '../../src/store/db.js';

/**
 * The database suite runs on every store: embedded PGlite always, and the PostgreSQL server when
 * KIEMTIN_TEST_DATABASE_URL is set (CI sets it; see .ci/run). Each file gets its own database (PGlite)
 * or schema (server), opened once; tables are emptied before each test.
 */
export const storeTargets: Array<{ name: string; url: string | null }> = [
  { name: 'pglite', url: null },
  ...(process.env.KIEMTIN_TEST_DATABASE_URL ? [{ name: 'postgres', url: process.env.KIEMTIN_TEST_DATABASE_URL }] : []),
];

export interface StoreHandle {
  readonly store: Store;
  readonly url: string | null;
  readonly schema: string | undefined;
}

export function describeStores(title: string, fn: (h: StoreHandle) => void): void {
  describe.each(storeTargets)(`${title} [$name]`, ({ url }) => {
    const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
    let store: Store | undefined;
    const handle: StoreHandle = {
      get store() {
        if (!store) throw new Error('store not open yet');
        return store;
      },
      url,
      schema,
    };
    beforeAll(async () => {
      store = await openStore({ databaseUrl: url, dataDir: ':memory:', ...(schema ? { schema } : {}) });
    });
    beforeEach(async () => {
      await truncateAll(handle.store.db);
    });
    afterAll(async () => {
      if (!store) return;
      if (schema) await sql.raw(`drop schema "${schema}" cascade`).execute(store.db);
      await store.close();
    });
    fn(handle);
  });
}
