/**
 * Ingest throughput of comment-sized documents, batched, into PGlite and (when
 * KIEMTIN_BENCH_DATABASE_URL or KIEMTIN_TEST_DATABASE_URL is set) into the PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { SourceItem } from '../src/core/types.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { openStore, type Store } from '../src/store/db.js';
import { ingestItems } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import type { BenchResult } from './run.js';

const N = Number(process.env.KIEMTIN_BENCH_INGEST_DOCS ?? 50_000);
const BATCH = 1000;
const words = 'bình luận hay quá cảm ơn tác giả bài viết rất bổ ích mình đồng ý với ý kiến này giá xăng tăng mưa ngập đường phố'.split(' ');

function comments(n: number, seed: number): SourceItem[] {
  let x = seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    kind: 'comment' as const,
    url: `https://bench.example/p/${Math.floor(i / 50)}.html#c${seed}-${i}`,
    parentUrl: `https://bench.example/p/${Math.floor(i / 50)}.html`,
    externalId: `${seed}-${i}`,
    title: null,
    author: `Bạn đọc ${i % 997}`,
    authorUrl: null,
    publishedAt: new Date(1_750_000_000_000 + i * 1000),
    text: Array.from({ length: 12 + Math.floor(rnd() * 20) }, () => words[Math.floor(rnd() * words.length)]).join(' '),
  }));
}

async function run(store: Store): Promise<{ docsPerS: number; reingestDocsPerS: number }> {
  await createOutlet(store.db, outletInputSchema.parse({ id: 'bench', type: 'other', name: 'Bench', homeUrl: 'https://bench.example/' }), new Date());
  const items = comments(N, 1);
  const t0 = performance.now();
  for (let i = 0; i < items.length; i += BATCH) {
    await store.db.transaction().execute((trx) => ingestItems(trx, { outletId: 'bench', items: items.slice(i, i + BATCH), snapshotSha256: null, seenAt: new Date() }));
  }
  const t1 = performance.now();
  // The same items again: the idempotent path (lookups, no new rows).
  for (let i = 0; i < items.length; i += BATCH) {
    await store.db.transaction().execute((trx) => ingestItems(trx, { outletId: 'bench', items: items.slice(i, i + BATCH), snapshotSha256: null, seenAt: new Date() }));
  }
  const t2 = performance.now();
  return { docsPerS: Math.round(N / ((t1 - t0) / 1000)), reingestDocsPerS: Math.round(N / ((t2 - t1) / 1000)) };
}

export async function bench(): Promise<BenchResult> {
  const figures: BenchResult['figures'] = { documents: N, batch_size: BATCH };
  const pglite = await openStore({ databaseUrl: null, dataDir: ':memory:' });
  try {
    const r = await run(pglite);
    figures.pglite_insert_docs_per_s = r.docsPerS;
    figures.pglite_reingest_docs_per_s = r.reingestDocsPerS;
  } finally {
    await pglite.close();
  }
  const url = process.env.KIEMTIN_BENCH_DATABASE_URL ?? process.env.KIEMTIN_TEST_DATABASE_URL;
  const notes: string[] = [];
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const server = await openStore({ databaseUrl: url, dataDir: ':memory:', schema });
    try {
      const r = await run(server);
      figures.postgres_insert_docs_per_s = r.docsPerS;
      figures.postgres_reingest_docs_per_s = r.reingestDocsPerS;
    } finally {
      await sql.raw(`drop schema "${schema}" cascade`).execute(server.db);
      await server.close();
    }
  } else notes.push('set KIEMTIN_BENCH_DATABASE_URL to measure a PostgreSQL server too');
  return { name: 'ingest', figures, notes };
}
