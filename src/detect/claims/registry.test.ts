import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import {
  mergeIntoRegistry,
  parseFactChecks,
  toClaimReviewJsonLd,
  toSimpleJson,
  verdictFromLabel,
  verdictFromRating,
} from './registry.js';

const claimReview = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/bai/1',
  identifier: 'fc-1',
  claimReviewed: 'Uống nước chanh nóng chữa khỏi ung thư.',
  datePublished: '2024-05-01',
  author: { '@type': 'Organization', name: 'Báo Kiểm Chứng' },
  reviewRating: { '@type': 'Rating', alternateName: 'Sai sự thật' },
  reviewBody: 'Không có bằng chứng.',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Trang X' }, datePublished: '2024-04-20' },
  ...over,
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('verdicts', () => {
  it('reads Vietnamese and English rating labels, with or without diacritics', () => {
    expect(verdictFromLabel('Sai')).toBe('false');
    expect(verdictFromLabel('Sai sự thật')).toBe('false');
    expect(verdictFromLabel('sai su that')).toBe('false');
    expect(verdictFromLabel('Gây hiểu lầm')).toBe('misleading');
    expect(verdictFromLabel('Chưa kiểm chứng')).toBe('unverified');
    expect(verdictFromLabel('Đúng')).toBe('true');
    expect(verdictFromLabel('Không đúng')).toBe('false');
    expect(verdictFromLabel('Mostly False')).toBe('misleading');
    expect(verdictFromLabel('Pants on Fire')).toBe('false');
    expect(verdictFromLabel('???')).toBeNull();
  });
  it('maps numeric ratings on the given scale', () => {
    expect(verdictFromRating(1)).toBe('false');
    expect(verdictFromRating(3)).toBe('misleading');
    expect(verdictFromRating(5)).toBe('true');
    expect(verdictFromRating(0, 10, 0)).toBe('false');
    expect(verdictFromRating(9, 5, 1)).toBeNull();
  });
});

describe('parseFactChecks', () => {
  it('parses the simple array and keeps the id as external id', () => {
    const [fc] = parseFactChecks([{ id: 'A1', claim: 'Gạo nhựa bán ở chợ.', verdict: 'false', correction: 'Không có gạo nhựa.' }]);
    expect(fc).toMatchObject({ externalId: 'A1', verdict: 'false', status: 'published', language: 'vi', evidenceLinks: [] });
    expect(fc?.id).toMatch(/^fc_[0-9a-f]{16}$/);
  });

  it('parses ClaimReview as a single object, an array and an @graph, skipping other node types', () => {
    const single = parseFactChecks(claimReview());
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({
      externalId: 'fc-1',
      verdict: 'false',
      ratingLabel: 'Sai sự thật',
      correction: 'Không có bằng chứng.',
      authorOrg: 'Báo Kiểm Chứng',
      claimAuthor: 'Trang X',
      claimDate: '2024-04-20',
      reviewDate: '2024-05-01',
      url: 'https://factcheck.example/bai/1',
    });
    const arr = parseFactChecks([claimReview(), claimReview({ identifier: 'fc-2', claimReviewed: 'Khác' })]);
    expect(arr.map((f) => f.externalId)).toEqual(['fc-1', 'fc-2']);
    const graph = parseFactChecks({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'Organization', name: 'Báo' }, claimReview({ identifier: undefined })],
    });
    expect(graph).toHaveLength(1);
    expect(graph[0]?.externalId).toBe('https://factcheck.example/bai/1');
  });

  it('falls back to ratingValue when the label is missing', () => {
    const [fc] = parseFactChecks(claimReview({ reviewRating: { ratingValue: 2, bestRating: 5, worstRating: 1 } }));
    expect(fc?.verdict).toBe('misleading');
  });

  it('refuses a ClaimReview item with a missing field, naming the field and the item index', () => {
    const err = captureError(() => parseFactChecks([claimReview(), claimReview({ claimReviewed: undefined })]));
    expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
    if (!isAppError(err)) return;
    expect(err.message).toContain('claimReviewed');
    expect(err.message).toContain('item 1');
    expect(err.details).toMatchObject({ field: 'claimReviewed', index: 1 });
    const noRating = captureError(() => parseFactChecks(claimReview({ reviewRating: { '@type': 'Rating' } })));
    expect(isAppError(noRating) && noRating.message).toContain('reviewRating.alternateName');
  });

  it('refuses a simple item without a required field, naming it', () => {
    const err = captureError(() => parseFactChecks([{ id: 'x', claim: 'c', correction: '' }]));
    expect(isAppError(err, 'INVALID_INPUT') && err.message).toContain('"verdict"');
    expect(isAppError(err) && err.details?.index).toBe(0);
    const bad = captureError(() => parseFactChecks([{ id: 'x', claim: 'c', verdict: 'hmm', correction: '' }]));
    expect(isAppError(bad) && bad.details?.field).toBe('verdict');
    expect(isAppError(captureError(() => parseFactChecks('nope')), 'INVALID_INPUT')).toBe(true);
  });

  it('merges duplicates (same external id, or same claim up to diacritics and case) instead of doubling', () => {
    const out = parseFactChecks([
      { id: 'A', claim: 'Gạo nhựa bán ở chợ', verdict: 'false', correction: 'c1', evidenceLinks: ['u1'], reviewDate: '2024-01-01' },
      { id: 'A', claim: 'Gạo nhựa bán ở chợ', verdict: 'misleading', correction: 'c2', evidenceLinks: ['u2'], reviewDate: '2024-02-01' },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ verdict: 'misleading', correction: 'c2', evidenceLinks: ['u1', 'u2'] });
    expect(out[0]?.history.map((h) => h.action)).toEqual(['imported', 'merged']);
    const noIds = parseFactChecks([
      claimReview({ identifier: undefined, url: undefined, reviewBody: 'x' }),
      claimReview({ identifier: undefined, url: undefined, reviewBody: 'x', claimReviewed: 'uong nuoc chanh nong chua khoi UNG THU' }),
    ]);
    expect(noIds).toHaveLength(1);
  });
});

describe('export', () => {
  it('round-trips through ClaimReview JSON-LD and the simple JSON', () => {
    const original = parseFactChecks([claimReview(), claimReview({ identifier: 'fc-2', claimReviewed: 'Khác', reviewRating: { alternateName: 'Gây hiểu lầm' } })]);
    const viaLd = parseFactChecks(JSON.parse(JSON.stringify(toClaimReviewJsonLd(original))));
    const viaSimple = parseFactChecks(JSON.parse(JSON.stringify(toSimpleJson(original))));
    for (const back of [viaLd, viaSimple]) {
      expect(back.map((f) => [f.id, f.externalId, f.claim, f.verdict, f.correction, f.authorOrg, f.reviewDate, f.url])).toEqual(
        original.map((f) => [f.id, f.externalId, f.claim, f.verdict, f.correction, f.authorOrg, f.reviewDate, f.url]),
      );
    }
  });

  it('leaves drafts and withdrawn entries out of the public ClaimReview export unless asked', () => {
    const fcs = parseFactChecks([
      { id: 'p', claim: 'a', verdict: 'false', correction: '' },
      { id: 'd', claim: 'b', verdict: 'false', correction: '', status: 'draft' },
    ]);
    expect((toClaimReviewJsonLd(fcs)['@graph'] as unknown[]).length).toBe(1);
    expect((toClaimReviewJsonLd(fcs, { includeUnpublished: true })['@graph'] as unknown[]).length).toBe(2);
  });

  it('merges an import into an existing registry, reporting added and merged', () => {
    const existing = parseFactChecks([{ id: 'A', claim: 'Một', verdict: 'false', correction: 'x' }]);
    const incoming = parseFactChecks([
      { id: 'A', claim: 'Một', verdict: 'false', correction: 'y', reviewDate: '2025-01-01' },
      { id: 'B', claim: 'Hai', verdict: 'true', correction: '' },
    ]);
    const r = mergeIntoRegistry(existing, incoming);
    expect(r.factChecks).toHaveLength(2);
    expect(r.added).toHaveLength(1);
    expect(r.merged).toEqual([existing[0]?.id]);
    expect(r.factChecks[0]?.correction).toBe('y');
  });
});
