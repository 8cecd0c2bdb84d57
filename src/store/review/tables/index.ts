import type { AuditHeadTable, AuditLogTable } from './audit.js';
import type { ReviewActionsTable } from './actions.js';
import type { ReviewAppealsTable, ReviewMessagesTable } from './appeals.js';
import type { ReviewCaseFindingsTable, ReviewCasesTable } from './cases.js';
import type { ReviewDecisionsTable } from './decisions.js';
import type { UserSessionsTable, UsersTable } from './users.js';
import type { ReviewSavedViewsTable } from './views.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './webhooks.js';

/** The review tables, merged into the store's Database interface (src/store/schema.ts). */
export interface ReviewDatabase {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  review_cases: ReviewCasesTable;
  review_case_findings: ReviewCaseFindingsTable;
  review_decisions: ReviewDecisionsTable;
  review_actions: ReviewActionsTable;
  review_appeals: ReviewAppealsTable;
  review_messages: ReviewMessagesTable;
  review_saved_views: ReviewSavedViewsTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
