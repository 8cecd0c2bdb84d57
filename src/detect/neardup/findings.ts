/** Campaigns (near-duplicate clusters) turned into `near-duplicate` findings for review. */
import type { FindingDraft } from '../types.js';
import type { Campaign } from './near-dup-index.js';

export const NEAR_DUPLICATE_DETECTOR = { id: 'near-duplicate', version: '1' } as const;

export interface NearDuplicateFinding {
  documentId: string;
  draft: FindingDraft;
}

export interface NearDuplicateFindingOptions {
  /** Other members listed in each finding's evidence (the campaign view has them all). */
  maxOtherMembers: number;
}

/**
 * Score of a cluster: grows with the number of distinct accounts (one account repeating itself is
 * spam, many accounts posting one text is the coordinated pattern) and saturates near 1.
 * Example: 2 documents of 1 account → 0.3; 2 accounts → 0.5; 5 accounts → 0.8; 20 → 0.95.
 */
export function campaignScore(c: Pick<Campaign, 'size' | 'distinctAuthors'>): number {
  const accounts = Math.max(1, c.distinctAuthors);
  if (accounts === 1) return c.size >= 2 ? 0.3 : 0;
  return Math.round((1 - 1 / accounts) * 10000) / 10000;
}

/**
 * One `near-duplicate` finding per listed member of a campaign of two or more documents; none for a
 * singleton. Evidence: clusterId, clusterSize, otherMembers (ids, capped), accounts, outlets, timeline.
 */
export function nearDuplicateFindings(c: Campaign, opts: Partial<NearDuplicateFindingOptions> = {}): NearDuplicateFinding[] {
  if (c.size < 2) return [];
  const max = opts.maxOtherMembers ?? 50;
  const score = campaignScore(c);
  const when = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
  // The first max+1 ids are enough for any member's list of others (linear, not quadratic, in size).
  const head = c.members.slice(0, max + 1).map((o) => o.id);
  return c.members.map((m) => {
    const others = head.filter((id) => id !== m.id).slice(0, max);
    return {
      documentId: m.id,
      draft: {
        category: 'coordinated-behaviour',
        score,
        explanation:
          `Nội dung gần trùng với ${c.size - 1} bài/bình luận khác (cụm ${c.id}: ${c.distinctAuthors} tài khoản, ` +
          `${c.distinctOutlets} trang, tối đa ${c.burstPerMinute} bài trong một phút).`,
        evidence: {
          clusterId: c.id,
          clusterSize: c.size,
          otherMembers: others,
          otherMembersTruncated: c.size - 1 > others.length,
          distinctAuthors: c.distinctAuthors,
          distinctOutlets: c.distinctOutlets,
          firstSeen: when(c.firstSeen),
          lastSeen: when(c.lastSeen),
          burstPerMinute: c.burstPerMinute,
          representativeDocId: c.representative.docId,
        },
      },
    };
  });
}
