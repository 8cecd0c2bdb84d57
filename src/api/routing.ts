import type { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import type { Access, ApiEnv } from './auth.js';

export const API_PREFIX = '/api/v1';

/** Every route with the permission it declares; the route × role test walks this list. */
export interface RouteInfo {
  method: string;
  path: string;
  permission: Access | null;
}

/** Declares a route: records its permission and adds the authentication middleware. */
export type Declare = <R extends Parameters<typeof createRoute>[0]>(permission: Access | null, route: R) => ReturnType<typeof createRoute<R['path'], R>>;

/**
 * Mounts a declared route without the request-schema validator, for handlers that validate the body
 * themselves (item by item, YAML, fact-check files); the route stays in the OpenAPI document.
 */
export function mountUnvalidated(app: OpenAPIHono<ApiEnv>, route: ReturnType<Declare>, handler: Handler<ApiEnv>): void {
  app.openAPIRegistry.registerPath(route);
  const middleware = ((route as { middleware?: MiddlewareHandler<ApiEnv>[] }).middleware ?? []) as MiddlewareHandler<ApiEnv>[];
  app.on(route.method.toUpperCase(), route.path.replace(/\{(\w+)\}/g, ':$1'), ...(middleware as [MiddlewareHandler<ApiEnv>]), handler);
}
