import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import { addProvision, listProvisions, provisionInputSchema, provisionPatchSchema, reviseProvision, showProvision } from '../review/legal-registry-store.js';
import type { ApiEnv } from './auth.js';
import { API_PREFIX, type Declare } from './routing.js';

const anyJson = z.record(z.string(), z.unknown());
const json = (description: string, schema: z.ZodType = anyJson) => ({ description, content: { 'application/json': { schema } } });
const isoDate = z.string().refine((s) => !Number.isNaN(new Date(s).getTime()), 'must be an ISO 8601 date');
// The review layer's schemas are made with plain zod, possibly before @hono/zod-openapi extends it (the
// built CLI loads the review layer first), so they may lack `.openapi`: the named components are copies of
// their shapes made here. The handlers validate again with the review layer's own schemas.
const provisionInputDoc = z.strictObject(provisionInputSchema.shape).openapi('LegalProvisionInput');
const provisionPatchDoc = z.strictObject(provisionPatchSchema.shape).openapi('LegalProvisionPatch');
const idParam = z.object({ id: z.string().min(1).max(100).openapi({ description: 'provision id, e.g. decree-147-2024-art23' }) });

/**
 * The legal-basis registry (docs/legal-registry.md): anyone who works the queue reads it; only an admin
 * changes it (`legal:write`), and every change is a new revision with an audit entry.
 */
export function registerLegalRoutes(app: OpenAPIHono<ApiEnv>, ctx: AppContext, declare: Declare, errors: object): void {
  const err = errors as Record<number, never>;
  const deps = { db: ctx.db, clock: ctx.clock };
  const conflict = { 409: json('The id exists already, or the provision was revised since the given revision') };

  app.openapi(
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/legal-provisions`,
      request: { query: z.object({ at: isoDate.optional().openapi({ description: 'only provisions in force on this date (Vietnam calendar day)' }) }) },
      responses: { 200: json('The versioned registry of Vietnamese provisions: version label, version number, current revision of each provision'), ...err },
    }),
    async (c) => {
      const { at } = c.req.valid('query');
      return c.json(await listProvisions(deps, at ? { at: new Date(at) } : {}), 200);
    },
  );
  app.openapi(
    declare('queue:read', {
      method: 'get',
      path: `${API_PREFIX}/legal-provisions/{id}`,
      request: { params: idParam },
      responses: { 200: json('One provision with every revision (oldest first) and the provisions it replaced'), ...err },
    }),
    async (c) => c.json(await showProvision(deps, c.req.valid('param').id), 200),
  );
  app.openapi(
    declare('legal:write', {
      method: 'post',
      path: `${API_PREFIX}/legal-provisions`,
      request: { body: { content: { 'application/json': { schema: provisionInputDoc } }, required: true } },
      responses: { 201: json('Added as revision 1; the registry version moves by one'), ...conflict, ...err },
    }),
    async (c) => c.json(await addProvision(deps, c.req.valid('json'), c.get('principal').actor), 201),
  );
  app.openapi(
    declare('legal:write', {
      method: 'patch',
      path: `${API_PREFIX}/legal-provisions/{id}`,
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: provisionPatchDoc } }, required: true },
      },
      responses: { 200: json('The new revision; earlier revisions stay as cited'), ...conflict, ...err },
    }),
    async (c) => c.json(await reviseProvision(deps, c.req.valid('param').id, c.req.valid('json'), c.get('principal').actor), 200),
  );
}
