import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { HARM_CATEGORIES } from '../core/types.js';
import { parseInput } from '../core/validate.js';
import type { Db, DbOrTrx, Trx } from '../store/db.js';
import {
  allRevisions,
  appendRevision,
  currentRevisions,
  registryState,
  revisionsByRef,
  registryStamp,
  revisionsOf,
  stampedRegistry,
  writeSeed,
  type ProvisionFields,
  type ProvisionRevision,
  type RegistryState,
} from '../store/legal-provisions.js';
import { appendAudits } from '../store/review/audit.js';
import type { ReviewDeps } from './cases.js';
import { citation, inForce, LEGAL_PROVISIONS, LEGAL_REGISTRY_VERSION, registryVersionLabel, type RegisteredProvision, type RegistryView } from './legal-registry.js';
import type { LegalBasisRef } from './types.js';

/**
 * The legal-basis registry as administrable data (docs/legal-registry.md): every change is a new revision
 * of a provision and a new registry version, with one audit entry in the same transaction. A database
 * starts from the code list (LEGAL_PROVISIONS), written on first use as version 1.
 */

/** The audit subject of a provision. */
export const provisionSubject = (id: string): string => `legal:${id}`;

/** A provision as the API and CLI show it: its fields, the revision they are, when and by whom. */
export interface ProvisionView extends RegisteredProvision {
  citation: string;
  revisedAt: string;
  revisedBy: string;
}

/** One revision in a provision's history. */
export interface RevisionView extends ProvisionView {
  /** The registry version label this revision made. */
  registryVersion: string;
  reason: string | null;
}

export interface RegistryListing {
  /** The registry version label (decisions record it), e.g. "vn-2026-11-28.1+2". */
  version: string;
  /** The registry version as a number: 1 is the seed, one more with each change. */
  registryVersion: number;
  updatedAt: string;
  provisions: ProvisionView[];
}

const fields = (r: ProvisionRevision): RegisteredProvision => ({
  id: r.id,
  instrument: r.instrument,
  authority: r.authority,
  article: r.article,
  clause: r.clause,
  point: r.point,
  summaryVi: r.summaryVi,
  validFrom: r.validFrom,
  validTo: r.validTo,
  replacedBy: r.replacedBy,
  categories: r.categories,
  takedownHours: r.takedownHours,
  unverified: r.unverified,
  note: r.note,
  revision: r.revision,
});
const view = (r: ProvisionRevision): ProvisionView => ({ ...fields(r), citation: citation(r), revisedAt: r.createdAt.toISOString(), revisedBy: r.createdBy });
const revisionView = (r: ProvisionRevision, seedVersion: string): RevisionView => ({ ...view(r), registryVersion: registryVersionLabel(seedVersion, r.registryVersion), reason: r.reason });

/** The registry's version row, writing the seed first when this database has none (in the caller's transaction). */
async function stateIn(trx: Trx, at: Date, opts: { forUpdate?: boolean } = {}): Promise<RegistryState> {
  const state = await registryState(trx, opts);
  if (state) return state;
  await writeSeed(trx, LEGAL_PROVISIONS, LEGAL_REGISTRY_VERSION, at);
  return (await registryState(trx, opts))!;
}

/** The registry's version row; the seed is written on the first read of a fresh database. */
async function readState(db: Db, at: Date): Promise<RegistryState> {
  return (await registryState(db)) ?? (await db.transaction().execute((trx) => stateIn(trx, at)));
}

/** The version and the current revision of every provision, read in one statement (so they agree); seeds a fresh database. */
async function readRegistry(db: DbOrTrx, at: Date): Promise<NonNullable<Awaited<ReturnType<typeof stampedRegistry>>>> {
  const got = await stampedRegistry(db);
  if (got) return got;
  if (db.isTransaction) await stateIn(db as Trx, at);
  else await (db as Db).transaction().execute((trx) => stateIn(trx, at));
  return (await stampedRegistry(db))!;
}

interface CachedRegistry {
  stamp: string;
  view: RegistryView;
}
// Per database handle: the registry as last read, reused while its stamp is unchanged (src/store/legal-provisions.ts).
const cached = new WeakMap<object, CachedRegistry>();

/**
 * The registry as a decision sees it in its transaction: the current revision of every provision and the
 * version label to record. The registry's stamp is read every time (one small statement); the
 * provisions are read again only when it changed, so every process sees another's change at once.
 */
export async function registryViewFor(deps: ReviewDeps, trx: Trx): Promise<RegistryView> {
  const stamp = await registryStamp(trx);
  const hit = cached.get(deps.db);
  if (stamp && hit && hit.stamp === stamp.stamp) return hit.view;
  const got = await readRegistry(trx, deps.clock.now());
  const byId = new Map(got.revisions.map((r) => [r.id, fields(r)]));
  const view: RegistryView = { version: registryVersionLabel(got.seedVersion, got.version), get: (id) => byId.get(id) };
  cached.set(deps.db, { stamp: got.stamp, view });
  return view;
}

/** Every provision (current revision), or those in force on the day of `at` (Vietnam time). */
export async function listProvisions(deps: ReviewDeps, opts: { at?: Date } = {}): Promise<RegistryListing> {
  const reg = await readRegistry(deps.db, deps.clock.now());
  const at = opts.at;
  return {
    version: registryVersionLabel(reg.seedVersion, reg.version),
    registryVersion: reg.version,
    updatedAt: reg.updatedAt.toISOString(),
    provisions: reg.revisions.filter((r) => !at || inForce(r, at)).map(view),
  };
}

/** One provision with every revision (oldest first) and the provisions it replaced; NOT_FOUND if unknown. */
export async function showProvision(deps: ReviewDeps, id: string): Promise<{ provision: ProvisionView; revisions: RevisionView[]; replaces: string[] }> {
  const state = await readState(deps.db, deps.clock.now());
  const revisions = await revisionsOf(deps.db, id);
  const current = revisions.at(-1);
  if (!current) throw new AppError('NOT_FOUND', `No provision "${id}" in the legal registry (GET /api/v1/legal-provisions lists them)`);
  const replaces = (await currentRevisions(deps.db)).filter((r) => r.replacedBy === id).map((r) => r.id);
  return { provision: view(current), revisions: revisions.map((r) => revisionView(r, state.seedVersion)), replaces };
}

/**
 * The exact revisions a decision's legal basis cited (its text then, whatever was revised since), in the
 * order cited. References recorded before revisions existed cite revision 1, the seed.
 */
export async function citedProvisions(db: DbOrTrx, refs: readonly LegalBasisRef[]): Promise<ProvisionView[]> {
  const rows = await revisionsByRef(
    db,
    refs.map((r) => ({ id: r.provisionId, revision: r.revision })),
  );
  const byKey = new Map(rows.map((r) => [`${r.id}#${r.revision}`, view(r)]));
  return refs.map((r) => byKey.get(`${r.provisionId}#${r.revision}`)).filter((p): p is ProvisionView => p !== undefined);
}

/** The whole registry for export: the current provisions, and with `history` every revision. */
export async function exportRegistry(deps: ReviewDeps, opts: { history?: boolean } = {}): Promise<RegistryListing & { revisions?: RevisionView[] }> {
  if (!opts.history) return listProvisions(deps);
  // One snapshot for the listing and the history, so a change made meanwhile is in both or in neither
  // (the seed first, outside it: a repeatable-read snapshot would not see a seed written concurrently).
  await readState(deps.db, deps.clock.now());
  return deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const reg = await readRegistry(trx, deps.clock.now());
      const revisions = (await allRevisions(trx)).map((r) => revisionView(r, reg.seedVersion));
      return { version: registryVersionLabel(reg.seedVersion, reg.version), registryVersion: reg.version, updatedAt: reg.updatedAt.toISOString(), provisions: reg.revisions.map(view), revisions };
    });
}

// Input. Dates are Vietnam calendar days; a date that does not exist (2026-02-30) is refused.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const t = new Date(`${s}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(s) || (!Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s);
  }, 'is not a calendar date');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s ? s : null));
const provisionShape = {
  instrument: text(500),
  authority: text(500),
  article: text(100),
  clause: optionalText(50),
  point: optionalText(50),
  summaryVi: text(5000),
  validFrom: day,
  validTo: day.nullable(),
  replacedBy: z.string().max(100).nullable(),
  categories: z.array(z.enum(HARM_CATEGORIES)).min(1, 'must name at least one category (null: any category)').nullable(),
  takedownHours: z.number().int('must be a whole number of hours').positive('must be positive').max(720).nullable(),
  unverified: z.boolean(),
  note: optionalText(5000),
};
const provisionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'must be 1-100 lower-case letters, digits, dots and dashes, e.g. "press-2025-art35"');

/** POST /api/v1/legal-provisions, `kiemtin legal add`: a new provision (optional fields default to null, unverified to false). */
export const provisionInputSchema = z.strictObject({
  id: provisionId,
  ...provisionShape,
  clause: provisionShape.clause.default(null),
  point: provisionShape.point.default(null),
  validTo: provisionShape.validTo.default(null),
  replacedBy: provisionShape.replacedBy.default(null),
  takedownHours: provisionShape.takedownHours.default(null),
  unverified: provisionShape.unverified.default(false),
  note: provisionShape.note.default(null),
  reason: z.string().trim().max(2000).optional(),
});
/** PATCH /api/v1/legal-provisions/{id}, `kiemtin legal revise`: the fields that change, why, and optionally the revision edited. */
export const provisionPatchSchema = z.strictObject({
  ...z.object(provisionShape).partial().shape,
  reason: text(2000),
  revision: z.number().int().positive().optional(),
});

export type ProvisionInput = z.input<typeof provisionInputSchema>;
export type ProvisionPatch = z.input<typeof provisionPatchSchema>;

/** Checks between fields and against the registry; `field: problem` like the schema's errors. */
async function checkProvision(trx: Trx, p: ProvisionFields, where: string): Promise<void> {
  const fail = (field: string, message: string) => {
    throw new AppError('INVALID_INPUT', `${where}${field}: ${message}`, { details: { issues: [{ field, message }] } });
  };
  if (p.validTo !== null && p.validTo <= p.validFrom) fail('validTo', `must be after validFrom (${p.validFrom}): it is the first day the provision no longer applies`);
  if (p.replacedBy !== null) {
    if (p.replacedBy === p.id) fail('replacedBy', 'a provision cannot replace itself');
    if (p.validTo === null) fail('validTo', `a replaced provision needs the day it stopped applying (replacedBy is "${p.replacedBy}")`);
    const [next] = await currentRevisions(trx, [p.replacedBy]);
    if (!next) fail('replacedBy', `no provision "${p.replacedBy}" in the registry; add it first`);
  }
  if (p.unverified && !p.note) fail('note', 'an unverified provision must say what is unverified');
}

const CHANGEABLE = Object.keys(provisionShape) as Array<keyof Omit<ProvisionFields, 'id'>>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Adds a provision (revision 1); CONFLICT if the id exists. One audit entry in the same transaction. */
export async function addProvision(deps: ReviewDeps, input: unknown, actor: string, where = ''): Promise<RevisionView> {
  const parsed = parseInput(provisionInputSchema, input, where || undefined);
  const { reason, ...p } = parsed;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const state = await stateIn(trx, now, { forUpdate: true });
    if ((await currentRevisions(trx, [p.id])).length > 0) {
      throw new AppError('CONFLICT', `${where ? `${where}: ` : ''}id: the registry already has "${p.id}"; revise it (PATCH /api/v1/legal-provisions/${p.id}, kiemtin legal revise)`);
    }
    await checkProvision(trx, p, where ? `${where}: ` : '');
    const version = state.version + 1;
    const rev = await appendRevision(trx, p, { revision: 1, registryVersion: version, reason: reason || null, by: actor, at: now });
    await appendAudits(
      trx,
      [{ actor, action: 'legal.provision.added', subject: provisionSubject(p.id), payload: { revision: 1, registryVersion: registryVersionLabel(state.seedVersion, version), reason: reason || null, provision: p } }],
      now,
    );
    return revisionView(rev, state.seedVersion);
  });
}

/**
 * Writes a new revision of a provision with the fields that change (recording a replacement is a revision
 * with validTo and replacedBy). Earlier revisions stay: decisions that cited them keep their text.
 * `revision`, when given, must be the current one (CONFLICT otherwise: someone revised it meanwhile).
 */
export async function reviseProvision(deps: ReviewDeps, id: string, input: unknown, actor: string, where = ''): Promise<RevisionView> {
  const patch = parseInput(provisionPatchSchema, input, where || undefined);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const state = await stateIn(trx, now, { forUpdate: true });
    const [current] = await currentRevisions(trx, [id]);
    if (!current) throw new AppError('NOT_FOUND', `No provision "${id}" in the legal registry; add it instead`);
    if (patch.revision !== undefined && patch.revision !== current.revision) {
      throw new AppError('CONFLICT', `revision: "${id}" is at revision ${current.revision}, not ${patch.revision}; reload it and apply the change again`);
    }
    const before = fields(current);
    const next: ProvisionFields = { ...before };
    for (const k of CHANGEABLE) if (patch[k] !== undefined) (next as unknown as Record<string, unknown>)[k] = patch[k];
    const changed = CHANGEABLE.filter((k) => !same(before[k], next[k]));
    if (changed.length === 0) throw new AppError('INVALID_INPUT', `${where ? `${where}: ` : ''}(body): the revision changes nothing in "${id}"`);
    await checkProvision(trx, next, where ? `${where}: ` : '');
    const version = state.version + 1;
    const rev = await appendRevision(trx, next, { revision: current.revision + 1, registryVersion: version, reason: patch.reason, by: actor, at: now });
    const action = changed.includes('replacedBy') && next.replacedBy !== null ? 'legal.provision.replaced' : 'legal.provision.revised';
    await appendAudits(
      trx,
      [
        {
          actor,
          action,
          subject: provisionSubject(id),
          payload: {
            revision: rev.revision,
            previousRevision: current.revision,
            registryVersion: registryVersionLabel(state.seedVersion, version),
            reason: patch.reason,
            changes: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
          },
        },
      ],
      now,
    );
    return revisionView(rev, state.seedVersion);
  });
}
