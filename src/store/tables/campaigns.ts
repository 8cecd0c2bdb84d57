import type { Generated } from 'kysely';

/** Each indexed document's prepared near-duplicate fingerprint, in insertion order (rebuilds the index). */
export interface NeardupDocsTable {
  seq: Generated<number>;
  document_id: string;
  prepared: Uint8Array;
}

/** A cluster of near-duplicate documents (a copy-paste campaign) as a reviewable object. */
export interface CampaignsTable {
  id: string;
  size: number;
  distinct_texts: number;
  distinct_authors: number;
  distinct_outlets: number;
  first_seen: Date | null;
  last_seen: Date | null;
  burst_per_minute: number;
  representative_doc_id: string;
  representative_text: string;
  updated_at: Date;
}

export interface CampaignMembersTable {
  campaign_id: string;
  document_id: string;
}
