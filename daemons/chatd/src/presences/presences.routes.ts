/**
 * The presence routes, as Wazo's chatd and @wazo/sdk's chatd module call them: each declares its
 * ACL and schemas and makes one service call. 503 `not-initialized` until the start-up sync is done.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notInitialized } from './presences.errors.js';
import { Presence, PresenceList, PresenceUpdate } from './presences.model.js';
import type { PresencesService } from './presences.service.js';

export interface PresenceRoutesOptions {
  service: PresencesService;
  isReady(): boolean;
  /** The scoping tenant, and with `recurse` every tenant below it the caller's token sees. */
  tenantsOf(request: FastifyRequest, recurse: boolean): Promise<string[]>;
}

const UserParams = Type.Object({ user_uuid: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({
  user_uuid: Type.Optional(Type.String({ description: 'Comma-separated user uuids.' })),
  recurse: Type.Boolean({ default: false, description: 'Include the sub-tenants.' }),
});
const tags = ['presences'];

function ownUuid(request: FastifyRequest): string {
  const auth = request.auth;
  const uuid = auth?.token.metadata.uuid ?? auth?.token.metadata.pbx_user_uuid;
  if (!uuid) throw new UnauthorizedError('A user token is needed for /users/me', { errorId: 'unauthorized' });
  return uuid;
}

export function presenceRoutes(api: DaemonApi, { service, isReady, tenantsOf }: PresenceRoutesOptions): void {
  const ready = () => {
    if (!isReady()) throw notInitialized();
  };

  api.get(
    '/users/presences',
    {
      config: { acl: 'chatd.users.presences.read' },
      schema: { summary: 'List presences', tags, querystring: ListQuery, response: { 200: PresenceList } },
    },
    async (request) => {
      ready();
      const uuids = request.query.user_uuid
        ?.split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      return service.list({ tenantUuids: await tenantsOf(request, request.query.recurse), uuids });
    },
  );

  // Not a route of Wazo's chatd (wazo-ctid-ng had it): the caller's own presence, for clients
  // that know their token but not yet their user uuid.
  api.get(
    '/users/me/presences',
    {
      config: { acl: 'chatd.users.me.presences.read' },
      schema: { summary: 'Read my presence', tags, response: { 200: Presence } },
    },
    async (request) => {
      ready();
      return service.get(ownUuid(request), await tenantsOf(request, true));
    },
  );
  api.put(
    '/users/me/presences',
    {
      config: { acl: 'chatd.users.me.presences.update' },
      schema: { summary: 'Update my presence', tags, body: PresenceUpdate, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      ready();
      await service.update(ownUuid(request), await tenantsOf(request, true), request.body);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/users/:user_uuid/presences',
    {
      config: { acl: 'chatd.users.{user_uuid}.presences.read' },
      schema: { summary: "Read a user's presence", tags, params: UserParams, response: { 200: Presence } },
    },
    async (request) => {
      ready();
      return service.get(request.params.user_uuid, await tenantsOf(request, true));
    },
  );
  api.put(
    '/users/:user_uuid/presences',
    {
      config: { acl: 'chatd.users.{user_uuid}.presences.update' },
      schema: {
        summary: "Update a user's presence",
        tags,
        params: UserParams,
        body: PresenceUpdate,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      ready();
      await service.update(request.params.user_uuid, await tenantsOf(request, true), request.body);
      return reply.code(204).send(null);
    },
  );
}
