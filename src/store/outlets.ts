import { AppError } from '../core/errors.js';
import { slugify } from '../core/ids.js';
import type { OutletPatch, OutletValues } from '../core/outlet-input.js';
import type {
  CrawlSettings,
  Outlet,
  OutletSource,
  OutletStatus,
  OutletType,
  SourceKind,
} from '../core/types.js';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from './db.js';
import type { OutletSourcesTable, OutletsTable } from './tables/outlets.js';

type OutletRow = Selectable<OutletsTable>;

function toOutlet(r: OutletRow, sources: OutletSource[]): Outlet {
  return {
    id: r.id,
    type: r.type as OutletType,
    name: r.name,
    homeUrl: r.home_url,
    licenceNumber: r.licence_number,
    licenceIssuer: r.licence_issuer,
    responsiblePerson: r.responsible_person,
    noticeContact: r.notice_contact,
    status: r.status as OutletStatus,
    sources,
    crawl: r.crawl as CrawlSettings,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function sourcesOf(db: DbOrTrx, ids: string[]): Promise<Map<string, OutletSource[]>> {
  const map = new Map<string, OutletSource[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('outlet_sources')
    .select(['outlet_id', 'kind', 'url'])
    .where('outlet_id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.outlet_id) ?? [];
    list.push({ kind: r.kind as SourceKind, url: r.url });
    map.set(r.outlet_id, list);
  }
  return map;
}

async function replaceSources(db: DbOrTrx, outletId: string, sources: OutletSource[]): Promise<void> {
  await db.deleteFrom('outlet_sources').where('outlet_id', '=', outletId).execute();
  const unique = [...new Map(sources.map((s) => [s.url, s])).values()];
  if (unique.length > 0) {
    await db
      .insertInto('outlet_sources')
      .values(
        unique.map((s) => ({
          outlet_id: outletId,
          kind: s.kind,
          url: s.url,
          etag: null,
          last_modified: null,
          last_crawled_at: null,
          next_due_at: null,
          last_error: null,
        })),
      )
      .execute();
  }
}

/** Registers an outlet; the id defaults to a slug of the home URL's host. */
export async function createOutlet(db: DbOrTrx, v: OutletValues, now: Date): Promise<Outlet> {
  const id = v.id ?? slugify(new URL(v.homeUrl).hostname.replace(/^www\./, ''));
  const exists = await db.selectFrom('outlets').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) throw new AppError('CONFLICT', `An outlet with id "${id}" already exists`, { details: { id } });
  await db
    .insertInto('outlets')
    .values({
      id,
      type: v.type,
      name: v.name,
      home_url: v.homeUrl,
      licence_number: v.licenceNumber,
      licence_issuer: v.licenceIssuer,
      responsible_person: v.responsiblePerson,
      notice_contact: v.noticeContact,
      status: v.status,
      crawl: JSON.stringify(v.crawl),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceSources(db, id, v.sources);
  return (await getOutlet(db, id))!;
}

export async function getOutlet(db: DbOrTrx, id: string): Promise<Outlet | null> {
  const r = await db.selectFrom('outlets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return toOutlet(r, (await sourcesOf(db, [id])).get(id) ?? []);
}

export async function requireOutlet(db: DbOrTrx, id: string): Promise<Outlet> {
  const o = await getOutlet(db, id);
  if (!o) throw new AppError('NOT_FOUND', `No outlet with id "${id}"`, { details: { id } });
  return o;
}

export async function listOutlets(
  db: DbOrTrx,
  filter: { status?: OutletStatus; type?: OutletType } = {},
): Promise<Outlet[]> {
  let q = db.selectFrom('outlets').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.type) q = q.where('type', '=', filter.type);
  const rows = await q.orderBy('id').execute();
  const sources = await sourcesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOutlet(r, sources.get(r.id) ?? []));
}

export async function updateOutlet(db: DbOrTrx, id: string, patch: OutletPatch, now: Date): Promise<Outlet> {
  await requireOutlet(db, id);
  const set: Record<string, unknown> = { updated_at: now };
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.homeUrl !== undefined) set.home_url = patch.homeUrl;
  if (patch.licenceNumber !== undefined) set.licence_number = patch.licenceNumber;
  if (patch.licenceIssuer !== undefined) set.licence_issuer = patch.licenceIssuer;
  if (patch.responsiblePerson !== undefined) set.responsible_person = patch.responsiblePerson;
  if (patch.noticeContact !== undefined) set.notice_contact = patch.noticeContact;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.crawl !== undefined) set.crawl = JSON.stringify(patch.crawl);
  await db.updateTable('outlets').set(set).where('id', '=', id).execute();
  if (patch.sources !== undefined) await replaceSources(db, id, patch.sources);
  return (await getOutlet(db, id))!;
}

/**
 * Removes an outlet. One with stored documents is retired instead (its documents are evidence and
 * stay); the result says which happened.
 */
export async function removeOutlet(db: DbOrTrx, id: string, now: Date): Promise<'deleted' | 'retired'> {
  await requireOutlet(db, id);
  const hasDocs = await db
    .selectFrom('documents')
    .select('id')
    .where('outlet_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (hasDocs) {
    await db
      .updateTable('outlets')
      .set({ status: 'retired', updated_at: now })
      .where('id', '=', id)
      .execute();
    await db.updateTable('outlet_sources').set({ next_due_at: null }).where('outlet_id', '=', id).execute();
    return 'retired';
  }
  await db.deleteFrom('outlets').where('id', '=', id).execute();
  return 'deleted';
}

export interface SourceState {
  id: number;
  outletId: string;
  kind: SourceKind;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastCrawledAt: Date | null;
  nextDueAt: Date | null;
}

/** Sources of active outlets whose next crawl is due (never crawled counts as due). */
export async function listDueSources(db: DbOrTrx, now: Date, outletId?: string): Promise<SourceState[]> {
  let q = db
    .selectFrom('outlet_sources as s')
    .innerJoin('outlets as o', 'o.id', 's.outlet_id')
    .select([
      's.id',
      's.outlet_id',
      's.kind',
      's.url',
      's.etag',
      's.last_modified',
      's.last_crawled_at',
      's.next_due_at',
    ])
    .where('o.status', '=', 'active')
    .where((eb) => eb.or([eb('s.next_due_at', 'is', null), eb('s.next_due_at', '<=', now)]));
  if (outletId) q = q.where('s.outlet_id', '=', outletId);
  const rows = await q.orderBy('s.next_due_at').orderBy('s.id').execute();
  return rows.map(toSourceState);
}

function toSourceState(r: Omit<Selectable<OutletSourcesTable>, 'last_error'>): SourceState {
  return {
    id: r.id,
    outletId: r.outlet_id,
    kind: r.kind as SourceKind,
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastCrawledAt: r.last_crawled_at,
    nextDueAt: r.next_due_at,
  };
}

/** All sources of one outlet, due or not (`crawl --outlet ID --once`). */
export async function listSources(db: DbOrTrx, outletId: string): Promise<SourceState[]> {
  const rows = await db
    .selectFrom('outlet_sources')
    .selectAll()
    .where('outlet_id', '=', outletId)
    .orderBy('id')
    .execute();
  return rows.map(toSourceState);
}

export async function recordSourceCrawl(
  db: DbOrTrx,
  sourceId: number,
  r: { at: Date; nextDueAt: Date; etag?: string | null; lastModified?: string | null; error: string | null },
): Promise<void> {
  const set: Record<string, unknown> = {
    last_crawled_at: r.at,
    next_due_at: r.nextDueAt,
    last_error: r.error,
  };
  if (r.etag !== undefined) set.etag = r.etag;
  if (r.lastModified !== undefined) set.last_modified = r.lastModified;
  await db.updateTable('outlet_sources').set(set).where('id', '=', sourceId).execute();
}
