/**
 * The two route shapes wazo-auth repeats across resources, written once: a list (GET, ACL,
 * query schema, a page answered from the scoping tenant) and an association (PUT links, DELETE
 * unlinks, both 204). Routes stay one service call; these only hold the Fastify plumbing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ListQuery, type SplitListQuery, splitListQuery } from './list-query.js';
import { scopingTenantOf } from './request-context.js';

export interface ListRoute<P, Q> {
  path: string;
  acl: string;
  summary: string;
  params?: object;
  querystring: object;
  /** The page's schema (`listResponseSchema(item)` for Wazo's `{total, filtered, items}`). */
  response: object;
  /** The page, seen from the request's scoping tenant. */
  list(tenant: string, request: FastifyRequest<{ Params: P; Querystring: Q }>): Promise<unknown>;
}

export function addListRoute<P = unknown, Q = unknown>(api: FastifyInstance, route: ListRoute<P, Q>): void {
  const params = route.params ? { params: route.params } : {};
  api.get<{ Params: P; Querystring: Q }>(
    route.path,
    {
      config: { acl: route.acl },
      schema: {
        summary: route.summary,
        ...params,
        querystring: route.querystring,
        response: { 200: route.response },
      },
    },
    (request) => route.list(scopingTenantOf(request), request),
  );
}

/** A list route whose query is wazo-auth's common list query plus the resource's filters. */
export function addSplitListRoute<P, F extends object>(
  api: FastifyInstance,
  route: Omit<ListRoute<P, ListQuery & F>, 'list'> & {
    list(
      tenant: string,
      query: SplitListQuery<F>,
      request: FastifyRequest<{ Params: P; Querystring: ListQuery & F }>,
    ): Promise<unknown>;
  },
): void {
  addListRoute<P, ListQuery & F>(api, {
    ...route,
    // Fastify types a generic query loosely; the schema validated it as ListQuery & F.
    list: (tenant, request) => route.list(tenant, splitListQuery<F>(request.query as ListQuery & F), request),
  });
}

type Verb = 'put' | 'delete';

export interface AssociationRoute<P> {
  path: string;
  acl: Record<Verb, string>;
  summary: Record<Verb, string>;
  params: object;
  /** Links (`put`) or unlinks (`delete`), seen from the request's scoping tenant. */
  change(verb: Verb, tenant: string, request: FastifyRequest<{ Params: P }>): Promise<void>;
}

export function addAssociationRoutes<P>(api: FastifyInstance, route: AssociationRoute<P>): void {
  for (const verb of ['put', 'delete'] as const) {
    api[verb]<{ Params: P }>(
      route.path,
      { config: { acl: route.acl[verb] }, schema: { summary: route.summary[verb], params: route.params } },
      async (request, reply) => {
        await route.change(verb, scopingTenantOf(request), request);
        return reply.code(204).send();
      },
    );
  }
}
