/**
 * The two route shapes wazo-auth repeats across resources, written once: a list (GET, ACL,
 * query schema, a page answered from the scoping tenant) and an association (PUT links, DELETE
 * unlinks, both 204). Routes stay one service call; these only hold the Fastify plumbing. The
 * schemas are TypeBox, so what a route's callback receives and answers is typed by them.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { NoContent, type Static, type TSchema, Type } from '@wazo-ts/daemon/schema';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { type FiltersOf, type ListQuery, type SplitListQuery, splitListQuery } from './list-query.js';
import { type AuthenticatedRequest, scopingTenantOf } from './request-context.js';

const NoParams = Type.Object({});

/** A request as a route's callback sees it: its validated params and query, and its auth. */
export interface RouteRequest<P extends TSchema, Q extends TSchema = typeof NoParams>
  extends AuthenticatedRequest {
  params: Static<P>;
  query: Static<Q>;
}

export interface ListRoute<P extends TSchema, Q extends TSchema, R extends TSchema> {
  path: string;
  acl: string;
  summary: string;
  params?: P;
  querystring: Q;
  /** The page's schema (`listResponseSchema(item)` for Wazo's `{total, filtered, items}`). */
  response: R;
  /** The page, seen from the request's scoping tenant. */
  list(tenant: string, request: RouteRequest<P, Q>): Promise<Static<R>>;
}

export function addListRoute<
  P extends TSchema = typeof NoParams,
  Q extends TSchema = TSchema,
  R extends TSchema = TSchema,
>(api: DaemonApi, route: ListRoute<P, Q, R>): void {
  const params = route.params ? { params: route.params } : {};
  // Fastify cannot infer a request from schemas that are type parameters: the helper registers
  // untyped, and the route's own callback is the typed side (RouteRequest, Static<R>).
  const untyped: FastifyInstance = api;
  const schema: FastifySchema = {
    summary: route.summary,
    ...params,
    querystring: route.querystring,
    response: { 200: route.response },
  };
  untyped.get(route.path, { config: { acl: route.acl }, schema }, (request) =>
    route.list(scopingTenantOf(request), request as unknown as RouteRequest<P, Q>),
  );
}

/** A list route whose query is wazo-auth's common list query plus the resource's filters. */
export function addSplitListRoute<P extends TSchema, Q extends TSchema, R extends TSchema>(
  api: DaemonApi,
  route: Omit<ListRoute<P, Q, R>, 'list'> & {
    list(
      tenant: string,
      query: SplitListQuery<FiltersOf<Static<Q>>>,
      request: RouteRequest<P, Q>,
    ): Promise<Static<R>>;
  },
): void {
  addListRoute<P, Q, R>(api, {
    ...route,
    list: (tenant, request) =>
      route.list(tenant, splitListQuery(request.query as Static<Q> & ListQuery), request),
  });
}

type Verb = 'put' | 'delete';

export interface AssociationRoute<P extends TSchema> {
  path: string;
  acl: Record<Verb, string>;
  summary: Record<Verb, string>;
  params: P;
  /** Links (`put`) or unlinks (`delete`), seen from the request's scoping tenant. */
  change(verb: Verb, tenant: string, request: RouteRequest<P>): Promise<void>;
}

export function addAssociationRoutes<P extends TSchema>(api: DaemonApi, route: AssociationRoute<P>): void {
  const untyped: FastifyInstance = api;
  for (const verb of ['put', 'delete'] as const) {
    untyped[verb](
      route.path,
      {
        config: { acl: route.acl[verb] },
        schema: { summary: route.summary[verb], params: route.params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await route.change(verb, scopingTenantOf(request), request as unknown as RouteRequest<P>);
        return reply.code(204).send(null);
      },
    );
  }
}
