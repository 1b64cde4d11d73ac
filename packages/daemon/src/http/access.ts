/**
 * Route access control. Every route must declare `config.acl` or `config.public` (checked when the
 * route is added, so a forgotten declaration stops the daemon at start, not in production). The
 * declarations are also kept for the OpenAPI document and for the conformance suite's route walk.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { type AclParams, compileAclTemplate } from '../acl/index.js';
import { authenticateRequest } from '../auth/index.js';
import type { RouteAccess, TokenVerifier } from '../auth/types.js';

export interface DeclaredRoute {
  method: string;
  /** OpenAPI-style path, e.g. `/1.1/users/{user_uuid}`. */
  path: string;
  access: RouteAccess;
}

export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function accessOf(config: RouteOptions['config'] | undefined): RouteAccess | undefined {
  if (!config) return undefined;
  if (config.public === true) return { public: true };
  if (typeof config.acl === 'string' && config.acl !== '') {
    const access: RouteAccess = { acl: config.acl };
    if (config.tokenFromQuery) access.tokenFromQuery = true;
    if (config.tenantFromQuery) access.tenantFromQuery = true;
    return access;
  }
  return undefined;
}

interface CompiledAccess {
  access: RouteAccess;
  requiredAcl?: (params: AclParams) => string;
}

/**
 * A route's access read once, at its first request, and kept for the route's life: the config
 * object is the route's own, the same for each of its requests, so reading the declaration and
 * parsing its ACL template on each request was work done again for the same answer.
 */
function accessCache(): (config: RouteOptions['config'] | undefined) => CompiledAccess | undefined {
  const compiled = new WeakMap<object, CompiledAccess | null>();
  return (config) => {
    if (!config) return undefined;
    let entry = compiled.get(config);
    if (entry === undefined) {
      const access = accessOf(config);
      if (access === undefined) entry = null;
      else if ('acl' in access) entry = { access, requiredAcl: compileAclTemplate(access.acl) };
      else entry = { access };
      compiled.set(config, entry);
    }
    return entry ?? undefined;
  };
}

/** Installs the declaration check and the authentication hook; returns the route registry. */
export function installAccessControl(app: FastifyInstance, verifier: TokenVerifier): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const access = accessOf(route.config);
    if (!access) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access: set config.acl or config.public`,
      );
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, path: openApiPath(route.url), access });
  });
  const compiledAccessOf = accessCache();
  app.addHook('onRequest', async (request) => {
    // Unmatched routes (404 handler) carry no declaration: let the not-found handler answer.
    const compiled = compiledAccessOf(request.routeOptions.config);
    if (!compiled) return;
    const { access, requiredAcl } = compiled;
    // Public routes (wazo-auth's token check among them) need no promise from the verifier.
    if ('public' in access) return;
    request.auth = await authenticateRequest({
      access,
      requiredAcl,
      params: (request.params ?? {}) as Record<string, string>,
      headers: request.headers,
      query: (request.query ?? {}) as Record<string, unknown>,
      verifier,
    });
  });
  return routes;
}
