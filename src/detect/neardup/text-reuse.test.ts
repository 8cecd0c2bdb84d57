import { describe, expect, it } from 'vitest';
import type { DetectDocument } from '../types.js';
import { NearDupIndex } from './near-dup-index.js';
import { nearDuplicateFindings } from './findings.js';
import { compareWithSource, createTextReuseDetector } from './text-reuse.js';

// A made-up article in the style of a provincial news blog, and comments that copy it.
const S1 = 'Sáng nay, Ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết công tác phòng chống thiên tai năm qua.';
const S2 = 'Theo báo cáo, mưa lớn kéo dài đã làm hư hỏng hơn ba trăm ngôi nhà ở các huyện miền núi.';
const S3 = 'Lãnh đạo tỉnh yêu cầu các địa phương chủ động sơ tán người dân khỏi vùng nguy hiểm trước mùa mưa bão.';
const POST = `${S1} ${S2}\n\n${S3}`;

const stripMarks = (s: string): string =>
  s.replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

const doc = (id: string, text: string, author: string, minute: number, kind: 'post' | 'comment' = 'comment'): DetectDocument & { author: string } => ({
  id,
  kind,
  text,
  title: null,
  url: `https://blog.example/p1#${id}`,
  parentId: kind === 'comment' ? 'post' : null,
  author,
  outletType: 'blog',
  publishedAt: new Date(Date.UTC(2024, 5, 1, 8, minute)),
});

const post = doc('post', POST, 'admin', 0, 'post');
const copying = [
  doc('c1', `Đúng ${S1}`, 'acc1', 1), // a word added in front
  doc('c2', S1.slice(1), 'acc2', 1), // first letter truncated
  doc('c3', `${S2}f`, 'acc3', 2), // trailing stray letter
  doc('c4', `Đúng ${S1}`, 'acc4', 2), // same text as c1, another account
  doc('c5', stripMarks(S2), 'acc5', 3), // no diacritics
  doc('c6', `${S3} ${S1}`, 'acc6', 3), // two sentences
];
const own = [
  doc('o1', 'Bài viết hay quá, cảm ơn tác giả đã chia sẻ thông tin hữu ích.', 'acc7', 4),
  // Quotes a short phrase inside a longer opinion of its own.
  doc('o2', 'Tôi thấy chuyện phòng chống thiên tai ở quê tôi vẫn còn nhiều bất cập, nhất là đường sá đi lại rất khó khăn vào mùa mưa.', 'acc8', 5),
  doc('o3', '', 'acc9', 5),
  doc('o4', 'hay', 'acc9', 6),
];

describe('text-reuse detector (Blogger-style page)', () => {
  const detector = createTextReuseDetector();
  const ctx = { now: new Date(Date.UTC(2024, 5, 2)), parent: post };

  it('flags every comment that copies the article, pointing at the post with spans inside both texts', () => {
    for (const c of copying) {
      const findings = detector.run(c, ctx);
      expect(findings, c.id).toHaveLength(1);
      const f = findings[0]!;
      expect(f.category).toBe('coordinated-behaviour');
      expect(f.score).toBeGreaterThan(0.8);
      const ev = f.evidence as { sourceId: string; spans: { start: number; end: number; sourceStart: number; sourceEnd: number }[] };
      expect(ev.sourceId).toBe('post');
      expect(ev.spans.length).toBeGreaterThan(0);
      for (const s of ev.spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(c.text.length);
        expect(s.sourceStart).toBeGreaterThanOrEqual(0);
        expect(s.sourceEnd).toBeLessThanOrEqual(POST.length);
      }
    }
  });

  it('points each copied span at the sentence it came from', () => {
    const r = compareWithSource(copying[5]!.text, { id: 'post', text: POST });
    expect(r.spans).toHaveLength(2);
    const [a, b] = r.spans;
    expect(POST.slice(a!.sourceStart, a!.sourceEnd)).toBe(S3.slice(0, -1));
    expect(POST.slice(b!.sourceStart, b!.sourceEnd)).toBe(S1.slice(0, -1));
    expect(copying[5]!.text.slice(b!.start, b!.end)).toBe(S1.slice(0, -1));
    const c2 = compareWithSource(copying[1]!.text, { id: 'post', text: POST });
    // "áng nay" (the truncated first syllable) is not part of the copy; the rest of the sentence is.
    expect(POST.slice(c2.spans[0]!.sourceStart, c2.spans[0]!.sourceEnd)).toBe(S1.slice(5, -1));
  });

  it('does not flag comments of their own, short quotes, empty or one-word comments', () => {
    for (const c of own) expect(detector.run(c, ctx), c.id).toEqual([]);
    expect(detector.run(copying[0]!, { ...ctx, parent: null })).toEqual([]);
  });

  it('finds a copy of another given article when the parent is not the source', () => {
    const withArticles = createTextReuseDetector({ articles: [{ id: 'other', text: POST }] });
    const f = withArticles.run(copying[2]!, { ...ctx, parent: { ...post, id: 'p2', text: 'Một bài khác hoàn toàn.' } });
    expect((f[0]?.evidence as { sourceId: string }).sourceId).toBe('other');
  });

  it('groups comments with the same text into one cluster and yields near-duplicate findings', () => {
    const index = new NearDupIndex();
    for (const d of [post, ...copying, ...own]) index.add({ ...d, outletId: 'blog1' });
    const s1 = index.clusterIdOf('c1');
    expect(s1).not.toBeNull();
    expect(index.clusterIdOf('c4')).toBe(s1);
    expect(index.clusterIdOf('c2')).toBe(s1);
    const s2 = index.clusterIdOf('c3');
    expect(index.clusterIdOf('c5')).toBe(s2);
    expect(s2).not.toBe(s1);
    expect(index.clusterIdOf('post')).not.toBe(s1);
    expect(index.clusterIdOf('o4')).toBeNull(); // too short to cluster

    const campaign = index.campaign('c4')!;
    expect(campaign.id).toBe('c1');
    expect(campaign.members.map((m) => m.id)).toEqual(['c1', 'c2', 'c4']);
    expect(campaign.distinctAuthors).toBe(3);
    expect(campaign.burstPerMinute).toBe(2); // c1, c2 at 08:01; c4 at 08:02 is a minute later
    expect(campaign.representative.docId).toBe('c1');
    expect(campaign.representative.count).toBe(2);

    const findings = nearDuplicateFindings(campaign);
    expect(findings.map((f) => f.documentId)).toEqual(['c1', 'c2', 'c4']);
    expect(findings[1]!.draft.evidence).toMatchObject({ clusterId: 'c1', clusterSize: 3, otherMembers: ['c1', 'c4'] });
    expect(nearDuplicateFindings(index.campaign('o1')!)).toEqual([]);
  });
});

describe('text-reuse on odd input', () => {
  it('handles a 1 MB comment that copies the post without throwing, spans inside the text', () => {
    const big = `${S1} `.repeat(Math.ceil(1_000_000 / (S1.length + 1)));
    const c = doc('big', big, 'acc10', 7);
    const f = createTextReuseDetector().run(c, { now: new Date(0), parent: post });
    expect(f).toHaveLength(1);
    for (const s of (f[0]!.evidence as { spans: { start: number; end: number }[] }).spans) expect(s.end).toBeLessThanOrEqual(big.length);
  });
});
