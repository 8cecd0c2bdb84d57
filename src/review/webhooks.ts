import { createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { Trx } from '../store/db.js';
import { appendAudit } from '../store/review/audit.js';
import type { ReviewDeps } from './cases.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from './types.js';

/** Sends one signed POST; the shell passes an implementation (fetch in production, a stub in tests). */
export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number }>;

/** Retries back off 1, 2, 4 … minutes; after this many attempts a delivery is marked failed. */
export const WEBHOOK_MAX_ATTEMPTS = 6;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Registers a webhook and returns its secret (shown once). */
export async function createWebhook(deps: ReviewDeps, input: { url: string; events: WebhookEvent[] }, actor: string): Promise<{ id: number; secret: string }> {
  if (!/^https?:\/\//.test(input.url)) throw new AppError('INVALID_INPUT', 'url: must be an absolute http(s) URL');
  const events = input.events.length ? input.events : [...WEBHOOK_EVENTS];
  const secret = 'whsec_' + randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('webhooks').values({ url: input.url, secret, events: JSON.stringify(events), created_at: now, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'webhook.created', subject: `webhook:${row.id}`, payload: { url: input.url, events } }, now);
    return { id: row.id, secret };
  });
}

/** Lists webhooks (without secrets). */
export async function listWebhooks(deps: ReviewDeps): Promise<Array<{ id: number; url: string; events: string[]; createdAt: Date }>> {
  const rows = await deps.db.selectFrom('webhooks').select(['id', 'url', 'events', 'created_at']).where('disabled_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, events: r.events as string[], createdAt: r.created_at }));
}

/** Queues an event for every webhook subscribed to it, in the caller's transaction. */
export async function enqueueWebhookEvent(trx: Trx, event: WebhookEvent, payload: Record<string, unknown>, now: Date): Promise<number> {
  const hooks = await trx.selectFrom('webhooks').select(['id', 'events']).where('disabled_at', 'is', null).execute();
  const targets = hooks.filter((h) => (h.events as string[]).includes(event));
  if (targets.length === 0) return 0;
  await trx
    .insertInto('webhook_deliveries')
    .values(targets.map((h) => ({ webhook_id: h.id, event, payload: JSON.stringify({ event, at: now.toISOString(), data: payload }), status: 'pending', next_attempt_at: now, last_error: null, created_at: now })))
    .execute();
  return targets.length;
}

/**
 * Sends the deliveries that are due. A 2xx marks one delivered; anything else is retried with
 * exponential backoff up to WEBHOOK_MAX_ATTEMPTS, then marked failed. Reports per delivery.
 */
export async function deliverWebhooks(deps: ReviewDeps & { post: WebhookPoster }, limit = 100): Promise<{ delivered: number; retrying: number; failed: number }> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.id')
    .limit(limit)
    .execute();
  const out = { delivered: 0, retrying: 0, failed: 0 };
  for (const d of due) {
    const body = JSON.stringify(d.payload);
    let error: string | null = null;
    try {
      const res = await deps.post(d.url, body, {
        'content-type': 'application/json',
        'kiemtin-event': d.event,
        'kiemtin-delivery': String(d.id),
        'kiemtin-signature': signWebhook(d.secret, body, now),
      });
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const attempts = d.attempts + 1;
    if (error === null) {
      await deps.db.updateTable('webhook_deliveries').set({ status: 'delivered', attempts, last_error: null }).where('id', '=', d.id).execute();
      out.delivered++;
    } else if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
      await deps.db.updateTable('webhook_deliveries').set({ status: 'failed', attempts, last_error: error }).where('id', '=', d.id).execute();
      out.failed++;
    } else {
      const next = new Date(now.getTime() + 60_000 * 2 ** (attempts - 1));
      await deps.db.updateTable('webhook_deliveries').set({ attempts, last_error: error, next_attempt_at: next }).where('id', '=', d.id).execute();
      out.retrying++;
    }
  }
  return out;
}
