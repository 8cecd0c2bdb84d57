import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { loadDemo } from '../src/pipeline/demo/load.js';
import { loadReviewDemo } from '../src/review/demo.js';
import { transparencyReport } from '../src/review/report.js';
import { verifyAuditChain } from '../src/store/review/audit.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

describeStores('review demo data', (h) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(h.store);
  });
  afterAll(() => ctx.close());

  it('shows decided cases, an approved takedown and an appeal at once; loading again changes nothing', async () => {
    await loadDemo(ctx);
    const first = await loadReviewDemo(ctx);
    expect(first.decisions).toBe(3);
    expect(first.appeals).toBe(1);
    expect(await loadReviewDemo(ctx)).toEqual({ cases: 0, decisions: 0, appeals: 0 });
    const states = (await ctx.db.selectFrom('review_cases').select('state').execute()).map((r) => r.state);
    expect(states).toContain('open');
    expect(states).toContain('closed');
    const year = ctx.clock.now().getUTCFullYear();
    const r = await transparencyReport(ctx, new Date(Date.UTC(year - 1, 0, 1)), new Date(Date.UTC(year + 1, 0, 1)));
    expect(r).toMatchObject({ decisions: 3, byOutcome: { violation: 2, 'no-violation': 1 }, appeals: { filed: 1, upheld: 1, reversed: 0 } });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
