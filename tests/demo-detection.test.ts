import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import { loadDemo } from '../src/pipeline/demo/load.js';
import { describeStores } from './_util/db.js';
import { testContext } from './_util/context.js';

// The shipped detectors on the demo data: each concrete harm is flagged under its category, and
// criticism of the authorities or of prices is not flagged at all.
describeStores('default detection on the demo data', (h) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext(h.store);
  });
  afterAll(() => ctx.close());

  it('flags the harms and leaves opinion alone', async () => {
    await loadDemo(ctx);
    const rows = await ctx.db
      .selectFrom('documents as d')
      .leftJoin('findings as f', 'f.document_id', 'd.id')
      .select(['d.text', 'f.category'])
      .execute();
    const categoriesOf = (start: string) => {
      const hits = rows.filter((r) => r.text.startsWith(start));
      expect(hits.length, start).toBeGreaterThan(0);
      return new Set(hits.map((r) => r.category).filter((c): c is string => c !== null));
    };
    expect(categoriesOf('Năm nào cũng ngập mà dự án chống ngập vẫn chưa xong')).toEqual(new Set());
    expect(categoriesOf('Giảm có 210 đồng thì thấm vào đâu')).toEqual(new Set());
    expect(categoriesOf('Đường Nguyễn Trãi ngập tới đầu gối')).toEqual(new Set());
    expect(categoriesOf('Vay nhanh không thế chấp')).toContain('illegal-lending');
    expect(categoriesOf('Nhà cái uy tín nhất VN')).toContain('illegal-gambling');
    expect(categoriesOf('Chị gửi công thức qua đây giúp em nhé, SĐT')).toContain('personal-data');
    expect(categoriesOf('Tuyển cộng tác viên làm việc tại nhà')).toContain('scam-fraud');
    expect(categoriesOf('Chia sẻ ngay cho người thân: uống nước chanh')).toContain('false-information');
    expect(categoriesOf('Mấy thằng bán hàng online ngu như bò')).toContain('harassment');
    expect(categoriesOf('Hay! Giá xăng dầu được điều chỉnh')).toContain('coordinated-behaviour');
    // The article debunking the rumour is not itself flagged as false information.
    expect(categoriesOf('Thời gian gần đây, trên mạng xã hội lan truyền')).not.toContain('false-information');
  });
});
