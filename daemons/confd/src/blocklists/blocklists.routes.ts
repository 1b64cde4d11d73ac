/**
 * Blocklists (`user_blocklist`): a user's own numbers under `/users/me/blocklist/numbers` (the
 * user is the token's), and the administrator's reads: `/users/blocklist/numbers[/{uuid}]`, a
 * user's list at `/users/{user_uuid}/blocklist/numbers`, and `HEAD` on it with `number_exact` to
 * ask whether the user blocks a number (204 with the number's headers, or an empty 404).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  blocklistNumberCreateSchema,
  blocklistNumberEditSchema,
  blocklistNumberSchema,
  checkDigits,
  inputError,
  userBlocklistNumberSchema,
} from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['blocklist'];
const NumberParams = Type.Object({ blocklist_number_uuid: Type.String() });
const UserParams = Type.Object({ user_uuid: Type.String() });
const numberFilters = {
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
};
const LookupQuery = Type.Object({
  number_exact: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
});

/** The token's user, as Wazo's `MeResourceMixin` finds it; a token of no user names none. */
function meOf(request: FastifyRequest, endpoint: string): string {
  const uuid = request.auth?.token.metadata.uuid;
  if (typeof uuid !== 'string' || uuid === '')
    throw inputError(`field 'user_uuid': ${endpoint} was not found`);
  return uuid;
}

/** Wazo's `PhoneNumber` on a query parameter: digits, an optional `+`. */
function checkedNumber(query: Record<string, unknown>, field: string): void {
  const value = query[field];
  if (typeof value === 'string') checkDigits(field, value);
}

export const blocklistsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_blocklist',
  load({ api, resources }) {
    const { blocklists } = resources.services;
    const numberHref = (request: FastifyRequest, uuid: string, path: string) =>
      locationOf(request, '1.1', `${path}/${uuid}`);

    api.get(
      '/users/me/blocklist/numbers',
      {
        config: { acl: 'confd.users.me.blocklist.read' },
        schema: {
          summary: 'List blocklist numbers of current user',
          tags,
          querystring: listQuerySchema(numberFilters),
          response: { 200: ListOf(userBlocklistNumberSchema) },
        },
      },
      async (request) => {
        checkedNumber(request.query, 'number');
        const user = meOf(request, 'usermeblocklistnumberlist');
        return blocklists.searchOwn(user, parseListQuery(request.query, { ignore: ['user_uuid'] }).params);
      },
    );

    api.post(
      '/users/me/blocklist/numbers',
      {
        config: { acl: 'confd.users.me.blocklist.create' },
        schema: {
          summary: 'Add a new blocklist number',
          tags,
          body: blocklistNumberCreateSchema,
          response: { 201: userBlocklistNumberSchema },
        },
      },
      async (request, reply) => {
        const user = meOf(request, 'usermeblocklistnumberlist');
        const number = await blocklists.createOwn(user, request.body);
        return reply
          .code(201)
          .header('location', numberHref(request, number.uuid, '/users/me/blocklist/numbers'))
          .send(number);
      },
    );

    api.get(
      '/users/me/blocklist/numbers/:blocklist_number_uuid',
      {
        config: { acl: 'confd.users.me.blocklist.read' },
        schema: {
          summary: 'Get blocklist number by uuid',
          tags,
          params: NumberParams,
          response: { 200: userBlocklistNumberSchema },
        },
      },
      async (request) =>
        blocklists.getOwn(meOf(request, 'user_me_blocklist_numbers'), request.params.blocklist_number_uuid),
    );

    api.put(
      '/users/me/blocklist/numbers/:blocklist_number_uuid',
      {
        config: { acl: 'confd.users.me.blocklist.update' },
        schema: {
          summary: 'Update a single blocklisted number by uuid',
          tags,
          params: NumberParams,
          body: blocklistNumberEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const user = meOf(request, 'user_me_blocklist_numbers');
        await blocklists.editOwn(user, request.params.blocklist_number_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/me/blocklist/numbers/:blocklist_number_uuid',
      {
        config: { acl: 'confd.users.me.blocklist.delete' },
        schema: {
          summary: 'Delete a single blocklisted number by uuid',
          tags,
          params: NumberParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const user = meOf(request, 'user_me_blocklist_numbers');
        await blocklists.deleteOwn(user, request.params.blocklist_number_uuid);
        return reply.code(204).send(null);
      },
    );

    // Declared before the GET of the same path, so Fastify keeps it instead of its own HEAD.
    api.head(
      '/users/:user_uuid/blocklist/numbers',
      {
        config: { acl: 'confd.users.{user_uuid}.blocklist.read' },
        schema: {
          summary: "Check if a number is part of a user's blocklist",
          tags,
          params: UserParams,
          querystring: LookupQuery,
        },
      },
      async (request, reply) => {
        checkedNumber(request.query, 'number_exact');
        const scope = await tenantScopeOf(request, resources.visibleTenants, false);
        const number = request.query.number_exact;
        const match =
          number === undefined ? null : await blocklists.lookup(scope, request.params.user_uuid, number);
        if (!match) return reply.code(404).send();
        return reply
          .code(204)
          .header('location', numberHref(request, match.uuid, '/users/blocklist/numbers'))
          .header('wazo-blocklist-number-uuid', match.uuid)
          .header('wazo-blocklist-number-label', match.label ?? '')
          .send();
      },
    );

    api.get(
      '/users/:user_uuid/blocklist/numbers',
      {
        config: { acl: 'confd.users.{user_uuid}.blocklist.read' },
        schema: {
          summary: 'List blocklisted numbers of a user',
          tags,
          params: UserParams,
          querystring: listQuerySchema(numberFilters),
          response: { 200: ListOf(blocklistNumberSchema) },
        },
      },
      async (request) => {
        checkedNumber(request.query, 'number');
        const { params, recurse } = parseListQuery(request.query, { ignore: ['user_uuid'] });
        const scope = await tenantScopeOf(request, resources.visibleTenants, recurse);
        return blocklists.search(scope, params, request.params.user_uuid);
      },
    );

    api.get(
      '/users/blocklist/numbers',
      {
        config: { acl: 'confd.users.blocklist.read' },
        schema: {
          summary: 'List all blocklisted numbers in tenant',
          tags,
          querystring: listQuerySchema({ ...numberFilters, user_uuid: Type.Optional(Type.String()) }),
          response: { 200: ListOf(blocklistNumberSchema) },
        },
      },
      async (request) => {
        checkedNumber(request.query, 'number');
        const { params, recurse } = parseListQuery(request.query);
        const scope = await tenantScopeOf(request, resources.visibleTenants, recurse);
        return blocklists.search(scope, params);
      },
    );

    api.get(
      '/users/blocklist/numbers/:blocklist_number_uuid',
      {
        config: { acl: 'confd.users.blocklist.read' },
        schema: {
          summary: 'Get blocklist number by uuid',
          tags,
          params: NumberParams,
          response: { 200: blocklistNumberSchema },
        },
      },
      async (request) =>
        blocklists.get(
          await tenantScopeOf(request, resources.visibleTenants, true),
          request.params.blocklist_number_uuid,
        ),
    );
  },
};
