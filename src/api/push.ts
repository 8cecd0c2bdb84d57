import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import type { ApiEnv } from './auth.js';
import type { Declare } from './app.js';

/** The push API (filled in once the JSON-lines schema lands). */
export function registerPushRoutes(_app: OpenAPIHono<ApiEnv>, _ctx: AppContext, _declare: Declare, _errors: object): void {}
