import { expect, it } from 'vitest';
import type { SourceItem } from '../src/core/types.js';
import { getDocument, ingestItems, listDocuments, listVersions } from '../src/store/documents.js';
import { createOutlet } from '../src/store/outlets.js';
import { getSnapshot, putSnapshot } from '../src/store/snapshots.js';
import { outletInputSchema } from '../src/core/outlet-input.js';
import { describeStores } from './_util/db.js';

const t0 = new Date('2026-06-12T01:04:00Z');
const post = (over: Partial<SourceItem> = {}): SourceItem => ({
  kind: 'post',
  url: 'https://tin.vn/bai-1.html',
  parentUrl: null,
  externalId: null,
  title: 'Bão số 3 đổ bộ',
  author: 'Phóng viên',
  authorUrl: null,
  publishedAt: t0,
  text: 'Bão số 3 đổ bộ vào Quảng Ninh.',
  ...over,
});
const comment = (n: number, parent = 'https://tin.vn/bai-1.html'): SourceItem => ({
  kind: 'comment',
  url: `https://tin.vn/bai-1.html#c${n}`,
  parentUrl: parent,
  externalId: String(n),
  title: null,
  author: `Bạn đọc ${n}`,
  authorUrl: null,
  publishedAt: t0,
  text: `Bình luận số ${n}`,
});

describeStores('documents', (h) => {
  const outlet = () =>
    createOutlet(h.store.db, outletInputSchema.parse({ id: 'tin-vn', type: 'e-newspaper', name: 'Tin', homeUrl: 'https://tin.vn' }), t0);

  it('stores a post and its comments with parents, and the same items again are the same documents', async () => {
    await outlet();
    const first = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post(), comment(1), comment(2)], snapshotSha256: null, seenAt: t0 });
    expect(first.inserted).toBe(3);
    const again = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post(), comment(1), comment(2)], snapshotSha256: null, seenAt: new Date(t0.getTime() + 60_000) });
    expect(again).toMatchObject({ inserted: 0, changed: 0, unchanged: 3 });
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    const postId = first.items[0]!.id;
    const comments = await listDocuments(h.store.db, { parentId: postId, limit: 10 });
    expect(comments.map((c) => c.author).sort()).toEqual(['Bạn đọc 1', 'Bạn đọc 2']);
    const stored = await getDocument(h.store.db, postId);
    expect(stored?.lastSeenAt.getTime()).toBe(t0.getTime() + 60_000);
    expect(stored?.firstSeenAt.getTime()).toBe(t0.getTime());
  });

  it('a changed item gets a new version and keeps its history', async () => {
    await outlet();
    const a = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post()], snapshotSha256: null, seenAt: t0 });
    const b = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post({ text: 'Bão số 3 đã suy yếu.' })], snapshotSha256: null, seenAt: t0 });
    expect(b.items[0]).toMatchObject({ id: a.items[0]!.id, outcome: 'changed', version: 2 });
    const versions = await listVersions(h.store.db, a.items[0]!.id);
    expect(versions.map((v) => v.text)).toEqual(['Bão số 3 đổ bộ vào Quảng Ninh.', 'Bão số 3 đã suy yếu.']);
    expect((await getDocument(h.store.db, a.items[0]!.id))?.text).toBe('Bão số 3 đã suy yếu.');
  });

  it('stores text as NFC and treats tracking parameters as the same URL', async () => {
    await outlet();
    const nfd = 'Việt Nam'.normalize('NFD');
    const r = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post({ text: nfd })], snapshotSha256: null, seenAt: t0 });
    const r2 = await ingestItems(h.store.db, {
      outletId: 'tin-vn',
      items: [post({ url: 'https://tin.vn/bai-1.html?utm_source=fb', text: 'Việt Nam' })],
      snapshotSha256: null,
      seenAt: t0,
    });
    expect(r2.items[0]).toMatchObject({ id: r.items[0]!.id, outcome: 'unchanged' });
    expect((await getDocument(h.store.db, r.items[0]!.id))?.text).toBe('Việt Nam'.normalize('NFC'));
  });

  it('keeps snapshots content-addressed and compressed, once per content', async () => {
    const body = new TextEncoder().encode('<html><body>Xin chào</body></html>'.repeat(100));
    const s1 = await putSnapshot(h.store.db, { url: 'https://tin.vn/a', contentType: 'text/html', body, fetchedAt: t0 });
    const s2 = await putSnapshot(h.store.db, { url: 'https://tin.vn/b', contentType: 'text/html', body, fetchedAt: t0 });
    expect(s1).toBe(s2);
    expect(s1).toMatch(/^[0-9a-f]{64}$/);
    const back = await getSnapshot(h.store.db, s1);
    expect(Buffer.from(back!.body).equals(Buffer.from(body))).toBe(true);
    const row = await h.store.db.selectFrom('snapshots').select(['body', 'size']).executeTakeFirstOrThrow();
    expect(row.body.byteLength).toBeLessThan(row.size / 10);
  });

  it('ingests a large batch in one call', async () => {
    await outlet();
    const items = Array.from({ length: 2500 }, (_, i) => comment(i));
    const r = await ingestItems(h.store.db, { outletId: 'tin-vn', items: [post(), ...items], snapshotSha256: null, seenAt: t0 });
    expect(r.inserted).toBe(2501);
  });
});
