/**
 * A user's, a group's and a call filter's fallbacks (`GET`/`PUT /users/{id}/fallbacks`,
 * `/groups/{id}/fallbacks`, `/callfilters/{id}/fallbacks`): where their calls go when unanswered,
 * busy, congested or failed. PUT replaces them all (204, `<owner>_fallback_edited`); the owner is
 * named by id or uuid (a call filter by id), in the caller's tenant or a visible sub-tenant
 * (else 404). ACLs are Wazo's: `confd.<owners>.{id}.fallbacks.read|update`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, type TSchema } from '@wazo-ts/daemon/schema';
import {
  callFilterFallbacksInputSchema,
  callFilterFallbacksSchema,
  type FallbacksService,
  groupFallbacksInputSchema,
  groupFallbacksSchema,
  queueFallbacksInputSchema,
  queueFallbacksSchema,
  userFallbacksInputSchema,
  userFallbacksSchema,
} from '@wazo-ts/dao';
import { idParams, intParam, keyParams } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdServices } from '../common/services.js';
import type { ConfdConfig } from '../definition.js';
import { groupKeyOf } from '../groups/group-key.js';
import type { ConfdResources } from '../resources.js';

interface FallbackOwner {
  name: string;
  collection: 'users' | 'groups' | 'callfilters' | 'queues';
  param: 'user_id' | 'group_id' | 'callfilter_id' | 'queue_id';
  word: string;
  keyOf: (raw: string) => string | number;
  /** Path params; by default an id or uuid. */
  params?: TSchema;
  body: TSchema;
  answer: TSchema;
  service(services: ConfdServices): FallbacksService;
}

function fallbacksPlugin(owner: FallbackOwner): DaemonPlugin<ConfdConfig, ConfdResources> {
  const { collection, param, word } = owner;
  const path = `/${collection}/:${param}/fallbacks`;
  const acl = (action: string) => `confd.${collection}.{${param}}.fallbacks.${action}`;
  const params = owner.params ?? keyParams(param);
  const tags = [collection, 'fallbacks'];
  return {
    name: owner.name,
    load({ api, resources }) {
      const service = owner.service(resources.services);
      type Request = Parameters<typeof tenantScopeOf>[0] & { params: Record<string, string> };
      const scopeOf = (request: Request) => tenantScopeOf(request, resources.visibleTenants, true);
      const keyOf = (request: Request) => owner.keyOf(request.params[param] as string);

      api.get(
        path,
        {
          config: { acl: acl('read') },
          schema: { summary: `Get the ${word}'s fallbacks`, tags, params, response: { 200: owner.answer } },
        },
        async (request) => service.get(await scopeOf(request as Request), keyOf(request as Request)),
      );

      api.put(
        path,
        {
          config: { acl: acl('update') },
          schema: {
            summary: `Replace the ${word}'s fallbacks`,
            tags,
            params,
            body: owner.body,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const body = (request.body ?? {}) as Record<string, unknown>;
          await service.update(await scopeOf(request as Request), keyOf(request as Request), body);
          return reply.code(204).send(null);
        },
      );
    },
  };
}

export const userFallbacksPlugin = fallbacksPlugin({
  name: 'user_fallback',
  collection: 'users',
  param: 'user_id',
  word: 'user',
  keyOf: String,
  body: userFallbacksInputSchema,
  answer: userFallbacksSchema,
  service: (services) => services.userFallbacks as FallbacksService,
});

export const groupFallbacksPlugin = fallbacksPlugin({
  name: 'group_fallback',
  collection: 'groups',
  param: 'group_id',
  word: 'group',
  keyOf: groupKeyOf,
  body: groupFallbacksInputSchema,
  answer: groupFallbacksSchema,
  service: (services) => services.groupFallbacks as FallbacksService,
});

export const callFilterFallbacksPlugin = fallbacksPlugin({
  name: 'call_filter_fallback',
  collection: 'callfilters',
  param: 'callfilter_id',
  word: 'call filter',
  keyOf: (raw) => intParam(raw, 'CallFilter'),
  params: idParams('callfilter_id'),
  body: callFilterFallbacksInputSchema,
  answer: callFilterFallbacksSchema,
  service: (services) => services.callFilterFallbacks as FallbacksService,
});

export const queueFallbacksPlugin = fallbacksPlugin({
  name: 'queue_fallback',
  collection: 'queues',
  param: 'queue_id',
  word: 'queue',
  keyOf: (raw) => intParam(raw, 'Queue'),
  params: idParams('queue_id'),
  body: queueFallbacksInputSchema,
  answer: queueFallbacksSchema,
  service: (services) => services.queueFallbacks as FallbacksService,
});
