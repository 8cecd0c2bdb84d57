import type { ColumnType, Generated } from 'kysely';

export interface OutletsTable {
  id: string;
  type: string;
  name: string;
  home_url: string;
  licence_number: string | null;
  licence_issuer: string | null;
  responsible_person: string | null;
  notice_contact: string | null;
  status: string;
  /** CrawlSettings as JSON. */
  crawl: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OutletSourcesTable {
  id: Generated<number>;
  outlet_id: string;
  kind: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_crawled_at: Date | null;
  next_due_at: Date | null;
  last_error: string | null;
}
