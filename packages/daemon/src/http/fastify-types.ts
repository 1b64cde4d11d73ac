/** What the kit adds to Fastify's types: route access declarations and the request's auth. */
// Route schemas carry OpenAPI fields (summary, tags, hide): @fastify/swagger's augmentation of
// FastifySchema, made part of the kit's public types so daemons compiled against dist/ see it.
import '@fastify/swagger';
import type { RequestAuth } from '../auth/types.js';
import type { ErrorShape } from './error-shapes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required ACL, with `{param}` placeholders for path parameters (Wazo's `required_acl`). */
    acl?: string;
    /** The route needs no token (status HEAD, OpenAPI document, token creation...). */
    public?: boolean;
    /** Accept the token from `?token=` too (query wins), as Wazo does for a few routes. */
    tokenFromQuery?: boolean;
    /** Accept the tenant from `?tenant=` too (query wins over `Wazo-Tenant`), as Wazo does for a few routes. */
    tenantFromQuery?: boolean;
    /** Error body shape for this route, when it differs from the daemon's. */
    errorShape?: ErrorShape;
  }
  interface FastifyRequest {
    /** Set for authenticated routes; `null` on public ones. */
    auth: RequestAuth | null;
  }
}
