/**
 * The call pickups resource (`/callpickups`, Wazo's `call_pickup`): list, read, create, edit,
 * delete; and its members (Wazo's `call_pickup_member`): `PUT /callpickups/{id}/interceptors/users`,
 * `.../interceptors/groups`, `.../targets/users`, `.../targets/groups` replace that side's users
 * (`{users: [{uuid}]}`) or groups (`{groups: [{id}]}`), 204. Items are looked up in the caller's
 * tenant and its visible sub-tenants; an id that is not digits is Wazo's 404 (`<int:id>` routes).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import {
  type CallPickupsService,
  callPickupCreateSchema,
  callPickupEditSchema,
  callPickupGroupsSchema,
  callPickupSchema,
  callPickupUsersSchema,
  scopeOf,
} from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['callpickups'];
const CallPickupIdParams = idParams('callpickup_id');
const callPickupIdOf = (raw: string) => intParam(raw, 'CallPickup');

export const callPickupsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'call_pickup',
  load({ api, resources }) {
    const { callPickups, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);

    api.get(
      '/callpickups',
      {
        config: { acl: 'confd.callpickups.read' },
        schema: {
          summary: 'List call pickups',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.callpickups),
          response: { 200: ListOf(callPickupSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return callPickups.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/callpickups/:callpickup_id',
      {
        config: { acl: 'confd.callpickups.{callpickup_id}.read' },
        schema: {
          summary: 'Get call pickup',
          tags,
          params: CallPickupIdParams,
          response: { 200: callPickupSchema },
        },
      },
      async (request) =>
        callPickups.get(await itemScope(request), callPickupIdOf(request.params.callpickup_id)),
    );

    api.post(
      '/callpickups',
      {
        config: { acl: 'confd.callpickups.create' },
        schema: {
          summary: 'Create call pickup',
          tags,
          body: callPickupCreateSchema,
          response: { 201: callPickupSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const pickup = await callPickups.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/callpickups/${pickup.id}`))
          .send(pickup);
      },
    );

    api.put(
      '/callpickups/:callpickup_id',
      {
        config: { acl: 'confd.callpickups.{callpickup_id}.update' },
        schema: {
          summary: 'Update call pickup',
          tags,
          params: CallPickupIdParams,
          body: callPickupEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = callPickupIdOf(request.params.callpickup_id);
        await callPickups.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/callpickups/:callpickup_id',
      {
        config: { acl: 'confd.callpickups.{callpickup_id}.delete' },
        schema: {
          summary: 'Delete call pickup',
          tags,
          params: CallPickupIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await callPickups.delete(await itemScope(request), callPickupIdOf(request.params.callpickup_id));
        return reply.code(204).send(null);
      },
    );
  },
};

type Side = 'interceptors' | 'targets';
const SIDES: readonly Side[] = ['interceptors', 'targets'];
const SIDE_WORD = { interceptors: 'interceptor', targets: 'target' } as const;

export const callPickupMembersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'call_pickup_member',
  load({ api, resources }) {
    const service: CallPickupsService = resources.services.callPickups;
    const scopeOfRequest = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const users = {
      interceptors: service.associateInterceptorUsers,
      targets: service.associateTargetUsers,
    };
    const groups = {
      interceptors: service.associateInterceptorGroups,
      targets: service.associateTargetGroups,
    };

    for (const side of SIDES) {
      api.put(
        `/callpickups/:callpickup_id/${side}/users`,
        {
          config: { acl: `confd.callpickups.{callpickup_id}.${side}.users.update` },
          schema: {
            summary: `Associate call pickup and ${SIDE_WORD[side]} users`,
            tags: [...tags, 'users'],
            params: CallPickupIdParams,
            body: callPickupUsersSchema,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const id = callPickupIdOf(request.params.callpickup_id);
          await users[side](await scopeOfRequest(request), id, request.body.users);
          return reply.code(204).send(null);
        },
      );

      api.put(
        `/callpickups/:callpickup_id/${side}/groups`,
        {
          config: { acl: `confd.callpickups.{callpickup_id}.${side}.groups.update` },
          schema: {
            summary: `Associate call pickup and ${SIDE_WORD[side]} groups`,
            tags: [...tags, 'groups'],
            params: CallPickupIdParams,
            body: callPickupGroupsSchema,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const id = callPickupIdOf(request.params.callpickup_id);
          await groups[side](await scopeOfRequest(request), id, request.body.groups);
          return reply.code(204).send(null);
        },
      );
    }
  },
};
