import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Handler } from 'hono';
import type { AppContext } from '../context.js';
import { parsePolicyPack } from '../detect/policy/index.js';
import { diffPacks } from '../detect/rules/index.js';
import { activePack, applyPolicy } from '../pipeline/detectors.js';
import { toDetectDocument } from '../pipeline/ingest.js';
import { listDocuments } from '../store/documents.js';
import { policyHistory } from '../store/policy.js';
import type { ApiEnv } from './auth.js';
import { API_PREFIX, mountUnvalidated, type Declare } from './routing.js';

const yamlBody = {
  content: {
    'application/yaml': { schema: z.string().openapi({ description: 'a policy pack (docs/policy.md)' }) },
  },
  required: true,
} as const;

/** The policy pack in force, its history, backtesting a candidate, and applying one without a deploy. */
export function registerPolicyRoutes(
  app: OpenAPIHono<ApiEnv>,
  ctx: AppContext,
  declare: Declare,
  errors: object,
): void {
  const err = errors as Record<number, never>;
  const mount = (route: ReturnType<Declare>, handler: Handler<ApiEnv>) => mountUnvalidated(app, route, handler);

  mount(
    declare('policy:read', {
      method: 'get',
      path: `${API_PREFIX}/policy`,
      responses: {
        200: {
          description: 'The pack in force (YAML) and the history of applied packs',
          content: {
            'application/json': {
              schema: z.object({
                packId: z.string(),
                version: z.string(),
                digest: z.string(),
                yaml: z.string(),
                history: z.array(z.record(z.string(), z.unknown())),
              }),
            },
          },
        },
        ...err,
      },
    }),
    async (c) => {
      const p = await activePack(ctx.db);
      const history = (await policyHistory(ctx.db)).map((h) => ({
        ...h,
        appliedAt: h.appliedAt.toISOString(),
      }));
      return c.json({ packId: p.pack.id, version: p.pack.version, digest: p.digest, yaml: p.yaml, history });
    },
  );
  mount(
    declare('policy:read', {
      method: 'post',
      path: `${API_PREFIX}/policy/backtest`,
      request: { body: yamlBody },
      responses: {
        200: {
          description:
            'What each rule would flag on the newest stored documents, and the change against the pack in force',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...err,
      },
    }),
    async (c) => {
      const limit = Math.min(10_000, Math.max(1, Number(c.req.query('limit') ?? 1000) || 1000));
      const candidate = parsePolicyPack(await c.req.text(), 'request body');
      const current = (await activePack(ctx.db)).pack;
      const docs = (await listDocuments(ctx.db, { limit })).map((d) => toDetectDocument(d, null));
      return c.json(diffPacks(current, candidate, docs, { now: ctx.clock.now(), maxExamples: 5 }));
    },
  );
  mount(
    declare('policy:write', {
      method: 'put',
      path: `${API_PREFIX}/policy`,
      request: { body: yamlBody },
      responses: {
        200: {
          description: 'Applied; the previous pack stays in the history',
          content: {
            'application/json': {
              schema: z.object({ packId: z.string(), version: z.string(), digest: z.string() }),
            },
          },
        },
        ...err,
      },
    }),
    async (c) => {
      const loaded = await applyPolicy(ctx, await c.req.text(), `token:${c.get('principal').name}`);
      await ctx.reloadDetectors();
      return c.json({ packId: loaded.pack.id, version: loaded.pack.version, digest: loaded.digest });
    },
  );
}
