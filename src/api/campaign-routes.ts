import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import type { AppContext } from '../context.js';
import { getCampaign, listCampaigns, type CampaignRow } from '../store/campaigns.js';
import type { ApiEnv } from './auth.js';
import { API_PREFIX, type Declare } from './routing.js';

const campaignSchema = z
  .object({
    id: z.string(),
    size: z.number(),
    distinctTexts: z.number(),
    distinctAuthors: z.number(),
    distinctOutlets: z.number(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    burstPerMinute: z.number(),
    representativeDocId: z.string(),
    representativeText: z.string(),
  })
  .openapi('Campaign');

function campaignJson(c: CampaignRow) {
  return { ...c, firstSeen: c.firstSeen?.toISOString() ?? null, lastSeen: c.lastSeen?.toISOString() ?? null, updatedAt: c.updatedAt.toISOString() };
}

/** Campaigns (near-duplicate clusters) as reviewable objects: list and show with members. */
export function registerCampaignRoutes(app: OpenAPIHono<ApiEnv>, ctx: AppContext, declare: Declare, errors: object): void {
  const err = errors as Record<number, never>;
  app.openapi(
    declare('findings:read', {
      method: 'get',
      path: `${API_PREFIX}/campaigns`,
      request: { query: z.object({ minSize: z.coerce.number().int().min(2).default(2), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
      responses: { 200: { description: 'Largest first', content: { 'application/json': { schema: z.object({ campaigns: z.array(campaignSchema) }) } } }, ...err },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ campaigns: (await listCampaigns(ctx.db, q)).map(campaignJson) }, 200);
    },
  );
  app.openapi(
    declare('findings:read', {
      method: 'get',
      path: `${API_PREFIX}/campaigns/{id}`,
      request: { params: z.object({ id: z.string().min(1).max(200) }) },
      responses: {
        200: {
          description: 'A campaign (by its id or a member document id) with its members',
          content: {
            'application/json': {
              schema: campaignSchema.extend({
                members: z.array(z.object({ id: z.string(), author: z.string().nullable(), outletId: z.string().nullable(), publishedAt: z.string().nullable(), text: z.string(), url: z.string() })),
              }),
            },
          },
        },
        ...err,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const r = await getCampaign(ctx.db, id);
      if (!r) throw new AppError('NOT_FOUND', `No campaign with id "${id}"`);
      return c.json({ ...campaignJson(r.campaign), members: r.members.map((m) => ({ ...m, publishedAt: m.publishedAt?.toISOString() ?? null })) }, 200);
    },
  );
}
