import { describe, expect, it } from 'vitest';
import { analyze, isContent } from './analyze.js';
import { softCredit, surfaceFeatures } from './surface.js';

const keys = (t: string): string[] =>
  analyze(t)
    .toks.filter(isContent)
    .map((k) => k.key);
const nums = (t: string): number[] => analyze(t).toks.flatMap((k) => (k.num === null ? [] : [k.num]));
const idf = (): number => 1;

function measure(claim: string, post: string) {
  return surfaceFeatures(
    {
      claimKeys: keys(claim),
      claimNumbers: nums(claim),
      passageKeys: keys(post),
      passageNumbers: nums(post),
      docKeys: keys(post),
      docNumbers: nums(post),
    },
    idf,
    1,
  );
}

describe('surface measures of a candidate', () => {
  it('credits initials, prefixes and near spellings, not unrelated words', () => {
    const credit = softCredit(['tai', 'khoan', 'gas', 'binh', 'duong'], ['tk', 'ga', 'bd', 'xe']);
    expect(credit.get('tai')).toBe(0.8);
    expect(credit.get('khoan')).toBe(0.8);
    expect(credit.get('gas')).toBe(0.7);
    expect(credit.get('binh')).toBe(0.8);
    expect(softCredit(['dien'], ['nuoc']).get('dien')).toBe(0);
  });

  it("finds the claim's numbers in a teencode repeat that shares few words", () => {
    const claim =
      'Giá gas bình 12kg trên toàn quốc sẽ tăng vọt lên 600.000 đồng từ ngày 1/11, tăng hơn 150.000 đồng so với tháng trước.';
    const repeat = measure(claim, 'ga 12kg lên 600k từ 1/11 đó mấy bà ơi 😩 tăng hơn 150k');
    const other = measure(claim, 'Giá gas tháng này giảm 20.000 đồng mỗi bình, còn 430.000 đồng.');
    expect(repeat.numHits).toBe(4); // 12, 600000, 11, 150000 (1 is too common to count)
    expect(repeat.numShare).toBe(1);
    expect(repeat.numExtra).toBe(0);
    expect(other.numHits).toBe(0);
    expect(other.numExtra).toBe(2);
    expect(repeat.softCov).toBeGreaterThan(repeat.claimCov);
  });

  it('sees a short partial repeat as mostly claim words and a longer related report as not', () => {
    const claim =
      'Ngân hàng Nhà nước sẽ thu hồi tờ tiền polymer mệnh giá 500.000 đồng; sau ngày 31/12/2026 tờ tiền này hết giá trị lưu hành.';
    const partial = measure(claim, 'Tờ tiền polymer 500 nghìn sắp bị thu hồi.');
    const related = measure(
      claim,
      'Ngân hàng Nhà nước phát hành mẫu tiền mới cho dịp Tết, người dân đổi tiền lẻ tại quầy giao dịch của các ngân hàng thương mại.',
    );
    // 'tờ', 'tiền', 'polymer', 'thu', 'hồi' are the claim's; 'nghìn' (written "500.000 đồng" there) is not.
    expect(partial.postCov).toBeGreaterThan(0.7);
    expect(related.postCov).toBeLessThan(0.4);
    expect(partial.softPost).toBeGreaterThan(related.softPost + 0.3);
  });
});
