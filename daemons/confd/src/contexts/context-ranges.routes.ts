/**
 * `GET /contexts/{id}/ranges/{user|group|queue|conference|incall}` (Wazo's `context_range`): the
 * runs of extens a context's ranges of one type hold, free ones only unless `availability=all`,
 * with `search` (extens containing it), `order` (start or end), `direction`, `limit`, `offset`.
 * The context is looked up with the visible sub-tenants, as Wazo always recurses here.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { RANGE_TYPES, type RangeType } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { directionOf } from '../common/list-params.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('context_id');

const querystring = Type.Object({
  availability: Type.Optional(StringEnum(['available', 'all'], { default: 'available' })),
  search: Type.Optional(Type.String()),
  order: Type.Optional(Type.String()),
  direction: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  recurse: Type.Optional(Type.Boolean()),
});

const ExtenRuns = ListOf(Type.Object({ start: Type.String(), end: Type.String() }));

export const contextRangesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'context_range',
  load({ api, resources }) {
    const { contexts } = resources.services;
    const route = (type: RangeType) =>
      api.get(
        `/contexts/:context_id/ranges/${type}`,
        {
          config: { acl: `confd.contexts.{context_id}.ranges.${type}.read` },
          schema: {
            summary: `List the ${type} extension ranges of a context`,
            tags: ['contexts'],
            params,
            querystring,
            response: { 200: ExtenRuns },
          },
        },
        async (request) => {
          const scope = await tenantScopeOf(request, resources.visibleTenants, true);
          const id = intParam(request.params.context_id, 'Context');
          const direction = directionOf(request.query.direction);
          return contexts.ranges(scope, id, type, { ...request.query, direction });
        },
      );
    for (const type of RANGE_TYPES) route(type);
  },
};
