import type { DocumentsTable, DocumentVersionsTable } from './tables/documents.js';
import type { CampaignMembersTable, CampaignsTable, NeardupDocsTable } from './tables/campaigns.js';
import type { DeadLettersTable } from './tables/crawl.js';
import type { FactChecksTable } from './tables/factchecks.js';
import type { FindingsTable } from './tables/findings.js';
import type { LegalProvisionsTable, LegalRegistryTable } from './tables/legal-provisions.js';
import type { PolicyPacksTable } from './tables/policy.js';
import type { OutletSourcesTable, OutletsTable } from './tables/outlets.js';
import type { SnapshotsTable } from './tables/snapshots.js';
import type { ApiTokensTable } from './tables/tokens.js';
import type { ReviewDatabase } from './review/tables/index.js';

/** The whole database as Kysely sees it; one file per table under tables/. */
export interface Database extends ReviewDatabase {
  outlets: OutletsTable;
  outlet_sources: OutletSourcesTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  snapshots: SnapshotsTable;
  dead_letters: DeadLettersTable;
  findings: FindingsTable;
  api_tokens: ApiTokensTable;
  fact_checks: FactChecksTable;
  policy_packs: PolicyPacksTable;
  neardup_docs: NeardupDocsTable;
  campaigns: CampaignsTable;
  campaign_members: CampaignMembersTable;
  legal_registry: LegalRegistryTable;
  legal_provisions: LegalProvisionsTable;
}
