/**
 * The directories routes (Wazo's default_json, headers and profile_sources views): lookup,
 * reverse, favorites and a profile's sources, in the request's tenant, for the token's user.
 * Errors in Wazo's legacy shape on these routes, as wazo-dird answers them.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { NoContent, type Static } from '@wazo-ts/daemon/schema';
import { InvalidDataError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import type { SourceConfig } from '../backends/backend.js';
import type { FavoritesService } from './favorites.service.js';
import {
  ExtenQuery,
  FavoriteParams,
  FavoritesAnswer,
  HeadersAnswer,
  LookupAnswer,
  ProfileParams,
  ProfileSourcesAnswer,
  ProfileSourcesQuery,
  ProfileUserParams,
  ReverseAnswer,
  TermQuery,
} from './lookup.schemas.js';
import type { Asker, LookupService } from './lookup.service.js';

const tags = ['directories'];
const legacy = 'legacy' as const;

/** The tenant, the token's user and token of a request (routes here all have an ACL). */
export function askerOf(request: FastifyRequest, userUuid?: string): Asker & { tenantUuid: string } {
  const auth = request.auth;
  if (!auth?.tenantUuid) throw new InvalidDataError('A token of a tenant is needed');
  const metadataUuid = auth.token.metadata.uuid;
  return {
    tenantUuid: auth.tenantUuid,
    userUuid:
      userUuid ?? (typeof metadataUuid === 'string' ? metadataUuid : (auth.token.xivo_user_uuid ?? null)),
    token: auth.token.token,
  };
}

function signalOf(request: FastifyRequest): AbortSignal {
  const controller = new AbortController();
  request.raw.once('close', () => {
    if (!request.raw.complete || request.raw.destroyed) controller.abort(new Error('client went away'));
  });
  return controller.signal;
}

function listSources(sources: SourceConfig[], query: Static<typeof ProfileSourcesQuery>) {
  const search = query.search?.toLowerCase();
  const filtered = sources
    .filter((source) => !query.backend || source.backend === query.backend)
    .filter((source) => !search || source.name.toLowerCase().includes(search));
  const key = (query.order ?? 'name') as 'name' | 'backend' | 'uuid';
  const sign = query.direction === 'desc' ? -1 : 1;
  filtered.sort((a, b) => sign * a[key].localeCompare(b[key]));
  const offset = query.offset ?? 0;
  const page = filtered.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
  return {
    total: sources.length,
    filtered: filtered.length,
    items: page.map((s) => ({ uuid: s.uuid, tenant_uuid: s.tenantUuid, name: s.name, backend: s.backend })),
  };
}

export function registerLookupRoutes(
  api: DaemonApi,
  services: { lookup: LookupService; favorites: FavoritesService },
) {
  const { lookup, favorites } = services;

  api.get(
    '/directories/lookup/:profile',
    {
      config: { acl: 'dird.directories.lookup.{profile}.read', errorShape: legacy },
      schema: {
        summary: 'Search the sources of a profile',
        tags,
        params: ProfileParams,
        querystring: TermQuery,
        response: { 200: LookupAnswer },
      },
    },
    async (request) => {
      const asker = askerOf(request);
      return lookup.lookup(asker.tenantUuid, request.params.profile, request.query.term, {
        ...asker,
        signal: signalOf(request),
      });
    },
  );

  api.get(
    '/directories/lookup/:profile/headers',
    {
      config: { acl: 'dird.directories.lookup.{profile}.headers.read', errorShape: legacy },
      schema: {
        summary: "A profile's display headers",
        tags,
        params: ProfileParams,
        response: { 200: HeadersAnswer },
      },
    },
    async (request) => lookup.headers(askerOf(request).tenantUuid, request.params.profile),
  );

  api.get(
    '/directories/lookup/:profile/:user_uuid',
    {
      config: { acl: 'dird.directories.lookup.{profile}.{user_uuid}.read', errorShape: legacy },
      schema: {
        summary: 'Search the sources of a profile for a user',
        tags,
        params: ProfileUserParams,
        querystring: TermQuery,
        response: { 200: LookupAnswer },
      },
    },
    async (request) => {
      const asker = askerOf(request, request.params.user_uuid);
      return lookup.lookup(asker.tenantUuid, request.params.profile, request.query.term, {
        ...asker,
        signal: signalOf(request),
      });
    },
  );

  api.get(
    '/directories/reverse/:profile/:user_uuid',
    {
      config: { acl: 'dird.directories.reverse.{profile}.{user_uuid}.read', errorShape: legacy },
      schema: {
        summary: 'Find who a number is',
        tags,
        params: ProfileUserParams,
        querystring: ExtenQuery,
        response: { 200: ReverseAnswer },
      },
    },
    async (request) => {
      const asker = askerOf(request, request.params.user_uuid);
      return lookup.reverse(asker.tenantUuid, request.params.profile, request.query.exten, {
        ...asker,
        signal: signalOf(request),
      });
    },
  );

  api.get(
    '/directories/favorites/:profile',
    {
      config: { acl: 'dird.directories.favorites.{profile}.read', errorShape: legacy },
      schema: {
        summary: "The user's favorites in a profile's sources",
        tags,
        params: ProfileParams,
        response: { 200: FavoritesAnswer },
      },
    },
    async (request) => {
      const asker = askerOf(request);
      return lookup.favorites(asker.tenantUuid, request.params.profile, {
        ...asker,
        signal: signalOf(request),
      });
    },
  );

  api.get(
    '/directories/personal/:profile',
    {
      config: { acl: 'dird.directories.personal.{profile}.read', errorShape: legacy },
      schema: {
        summary: "The user's personal contacts, laid out by a profile's display",
        tags,
        params: ProfileParams,
        response: { 200: FavoritesAnswer },
      },
    },
    async (request) => {
      const asker = askerOf(request);
      return lookup.personal(asker.tenantUuid, request.params.profile, {
        ...asker,
        signal: signalOf(request),
      });
    },
  );

  const favoriteRef = (request: FastifyRequest, params: Static<typeof FavoriteParams>) => {
    const asker = askerOf(request);
    if (!asker.userUuid) throw new InvalidDataError('A favorite belongs to a user: this token has none');
    return {
      tenantUuid: asker.tenantUuid,
      userUuid: asker.userUuid,
      sourceName: params.directory,
      contactId: params.contact,
    };
  };

  api.put(
    '/directories/favorites/:directory/:contact',
    {
      config: { acl: 'dird.directories.favorites.{directory}.{contact}.update', errorShape: legacy },
      schema: {
        summary: 'Mark a contact as a favorite',
        tags,
        params: FavoriteParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await favorites.add(favoriteRef(request, request.params));
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/directories/favorites/:directory/:contact',
    {
      config: { acl: 'dird.directories.favorites.{directory}.{contact}.delete', errorShape: legacy },
      schema: { summary: 'Unmark a favorite', tags, params: FavoriteParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await favorites.remove(favoriteRef(request, request.params));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/directories/:profile/sources',
    {
      config: { acl: 'dird.directories.{profile}.sources.read' },
      schema: {
        summary: "A profile's sources",
        tags,
        params: ProfileParams,
        querystring: ProfileSourcesQuery,
        response: { 200: ProfileSourcesAnswer },
      },
    },
    async (request) =>
      listSources(
        await lookup.profileSources(askerOf(request).tenantUuid, request.params.profile),
        request.query,
      ),
  );
}
