import { afterAll, beforeAll, expect, it } from 'vitest';
import { outletInputSchema } from '../src/core/outlet-input.js';
import type { SourceItem } from '../src/core/types.js';
import type { AppContext } from '../src/context.js';
import { CampaignTracker } from '../src/pipeline/campaigns.js';
import { ingestBatch } from '../src/pipeline/ingest.js';
import { getCampaign, listCampaigns } from '../src/store/campaigns.js';
import { listFindings } from '../src/store/findings.js';
import { createOutlet } from '../src/store/outlets.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

const sentence = 'Giá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới';
const comment = (n: number, text: string, minute: number): SourceItem => ({
  kind: 'comment', url: `https://tin.example/a.html#comment-${n}`, parentUrl: 'https://tin.example/a.html', externalId: String(n),
  title: null, author: `Tài khoản ${n}`, authorUrl: null, publishedAt: new Date(Date.UTC(2026, 10, 26, 8, minute)), text,
});
const post: SourceItem = {
  kind: 'post', url: 'https://tin.example/a.html', parentUrl: null, externalId: null, title: 'Giá xăng giảm', author: null, authorUrl: null,
  publishedAt: new Date(Date.UTC(2026, 10, 26, 8, 0)), text: 'Liên Bộ vừa điều chỉnh giá xăng dầu trong nước.',
};

describeStores('campaigns', (h) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(h.store);
  });
  afterAll(() => ctx.close());

  it('groups copies across accounts into one campaign with near-duplicate findings, and keeps it across restarts', async () => {
    await createOutlet(ctx.db, outletInputSchema.parse({ id: 'tin', type: 'e-newspaper', name: 'Tin', homeUrl: 'https://tin.example/' }), new Date());
    await ingestBatch(ctx, {
      outletId: 'tin',
      items: [post, comment(1, sentence + '.', 1), comment(2, 'Hay! ' + sentence + '.', 2), comment(3, sentence.slice(1), 2), comment(4, 'Giảm có 210 đồng thì thấm vào đâu.', 9)],
      snapshot: null,
    });
    const [c] = await listCampaigns(ctx.db, { limit: 10 });
    expect(c).toMatchObject({ size: 3, distinctAuthors: 3, distinctOutlets: 1 });
    expect(c!.burstPerMinute).toBeGreaterThanOrEqual(2);
    const shown = await getCampaign(ctx.db, c!.id);
    expect(shown!.members.map((m) => m.author).sort()).toEqual(['Tài khoản 1', 'Tài khoản 2', 'Tài khoản 3']);
    const nd = (await listFindings(ctx.db, { limit: 50 })).filter((f) => f.detector === 'near-duplicate');
    expect(nd).toHaveLength(3);
    expect(nd[0]!.evidence).toMatchObject({ clusterId: c!.id, clusterSize: 3 });

    // A new process rebuilds the index from the stored fingerprints: a later copy joins the same campaign.
    const fresh = { ...ctx, campaigns: new CampaignTracker(ctx.clock) };
    await ingestBatch(fresh, { outletId: 'tin', items: [comment(5, sentence + ' !!', 20)], snapshot: null });
    const after = await listCampaigns(ctx.db, { limit: 10 });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: c!.id, size: 4 });
  });
});
