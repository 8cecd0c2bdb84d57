import { sql } from 'kysely';
import { sha256Hex } from '../../core/hash.js';
import type { DbOrTrx, Trx } from '../db.js';

/** The prev_hash of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  /** What the entry is about, e.g. "case:KT-2026-000001", "user:lan". */
  subject: string;
  payload: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  id: number;
  at: Date;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level, Dates as ISO strings and undefined members dropped:
 * the same value always gives the same text. `canonicalJson({b: 1, a: [2]})` → `{"a":[2],"b":1}`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

function canonicalValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonicalValue(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalValue(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** SHA-256 over the canonical serialisation of (id, at, actor, action, subject, payload, prev_hash). */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const payload = JSON.parse(canonicalJson(e.payload)) as unknown;
  return sha256Hex(JSON.stringify([e.id, e.at.toISOString(), e.actor, e.action, e.subject, payload, e.prevHash]));
}

/**
 * Appends one entry in the caller's transaction. The head row is locked first, so concurrent writers
 * queue up behind each other and the chain never forks; the entry commits or rolls back with the change
 * it records.
 */
export async function appendAudit(trx: Trx, input: AuditInput, at: Date): Promise<AuditEntry> {
  return (await appendAudits(trx, [input], at))[0]!;
}

/**
 * Appends entries in order in the caller's transaction: two round trips whatever their number (lock
 * the head; insert the entries and move the head in one statement). The head stays locked until the
 * transaction ends, so callers append last, after their other writes, to hold it briefly.
 */
export async function appendAudits(trx: Trx, inputs: readonly AuditInput[], at: Date): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const lockHead = () => trx.selectFrom('audit_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirst();
  let head = await lockHead();
  if (!head) {
    await sql`insert into audit_head (id, last_id, last_hash) values (1, 0, ${AUDIT_GENESIS}) on conflict (id) do nothing`.execute(trx);
    head = await lockHead();
  }
  let id = Number(head!.last_id);
  let prevHash = head!.last_hash;
  const entries = inputs.map((input) => {
    const payload = JSON.parse(canonicalJson(input.payload)) as Record<string, unknown>;
    const base = { id: ++id, at, actor: input.actor, action: input.action, subject: input.subject, payload, prevHash };
    const entry = { ...base, hash: auditHash(base) };
    prevHash = entry.hash;
    return entry;
  });
  await trx
    .with('moved_head', (db) => db.updateTable('audit_head').set({ last_id: id, last_hash: prevHash }).where('id', '=', 1))
    .insertInto('audit_log')
    .values(entries.map((e) => ({ id: e.id, at, actor: e.actor, action: e.action, subject: e.subject, payload: canonicalJson(e.payload), prev_hash: e.prevHash, hash: e.hash })))
    .execute();
  return entries;
}

/** Entries in id order, optionally for one subject. */
export async function listAudit(db: DbOrTrx, f: { subject?: string; afterId?: number; limit: number }): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.subject) q = q.where('subject', '=', f.subject);
  if (f.afterId !== undefined) q = q.where('id', '>', f.afterId);
  const rows = await q.orderBy('id').limit(f.limit).execute();
  return rows.map(toEntry);
}

function toEntry(r: { id: number; at: Date; actor: string; action: string; subject: string; payload: unknown; prev_hash: string; hash: string }): AuditEntry {
  return { id: Number(r.id), at: r.at, actor: r.actor, action: r.action, subject: r.subject, payload: r.payload as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash };
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not verify, and why. */
  firstBad: { id: number; reason: string } | null;
  lastHash: string;
}

/**
 * Walks the whole chain in id order: ids contiguous from 1, each prev_hash equal to the previous hash,
 * each hash recomputed from the stored fields (including sub-millisecond digits of `at` and the exact
 * jsonb of the payload), and the head row pointing at the last entry.
 */
export async function verifyAuditChain(db: DbOrTrx, pageSize = 2000): Promise<AuditVerification> {
  let expectedId = 1;
  let prev = AUDIT_GENESIS;
  let count = 0;
  const bad = (id: number, reason: string): AuditVerification => ({ ok: false, entries: count, firstBad: { id, reason }, lastHash: prev });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .select(sql<number>`(extract(epoch from at) * 1000000)::bigint`.as('at_us'))
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const canonical = rows.map((r) => canonicalJson(r.payload));
    // Byte-level payload check: the stored jsonb must equal the canonical text read back as jsonb
    // (a tamperer writing 1.0 for 1 leaves the parsed value, and so the hash, unchanged).
    const drift = await sql<{ id: number }>`
      select a.id from unnest(${rows.map((r) => Number(r.id))}::bigint[], ${canonical}::text[]) as u(id, t)
      join audit_log a on a.id = u.id where a.payload::text <> u.t::jsonb::text order by a.id limit 1`.execute(db);
    const driftId = drift.rows[0] ? Number(drift.rows[0].id) : null;
    for (const r of rows) {
      const e = toEntry(r);
      if (e.id !== expectedId) return bad(expectedId, `entry ${expectedId} is missing (next entry is ${e.id})`);
      if (Number(r.at_us) !== e.at.getTime() * 1000) return bad(e.id, 'the time "at" was changed');
      if (driftId === e.id) return bad(e.id, 'the payload was changed');
      if (e.prevHash !== prev) return bad(e.id, 'prev_hash does not match the previous entry');
      if (auditHash(e) !== e.hash) return bad(e.id, 'the hash does not match the entry');
      prev = e.hash;
      expectedId++;
      count++;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.last_id) !== count || head.last_hash !== prev)) {
    return bad(Number(head.last_id), `the chain ends at entry ${count} but the head records entry ${head.last_id}`);
  }
  if (!head && count > 0) return bad(count, 'the chain head is missing');
  return { ok: true, entries: count, firstBad: null, lastHash: prev };
}
