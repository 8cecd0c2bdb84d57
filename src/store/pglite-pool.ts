import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Presents one embedded PGlite database as the `pg` pool that Kysely's PostgresDialect expects, so the
 * embedded store and a PostgreSQL server share the same dialect, compiler and migrations.
 * PGlite is a single connection: a client is lent to one user at a time (a transaction holds it).
 */
export function pglitePool(db: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  const client = (release: () => void): PostgresPoolClient => ({
    // Kysely only calls the (sql, parameters) form; cursors (streaming) are not offered.
    query: (async (sqlText: string, params: readonly unknown[] = []) => {
      const result = await db.query(sqlText, params as unknown[]);
      const command = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() ?? '';
      return {
        command,
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      };
    }) as PostgresPoolClient['query'],
    release,
  });

  return {
    async connect() {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => held);
      await previous;
      let released = false;
      return client(() => {
        if (!released) {
          released = true;
          release();
        }
      });
    },
    async end() {
      await tail;
      await db.close();
    },
  };
}
