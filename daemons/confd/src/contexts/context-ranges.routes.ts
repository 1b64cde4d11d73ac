/**
 * `GET /contexts/{id}/ranges/{user|group|queue|conference|incall}` (Wazo's `context_range`): the
 * runs of extens a context's ranges of one type hold, free ones only unless `availability=all`,
 * with `search` (extens containing it), `order` (start or end), `direction`, `limit`, `offset`.
 * The context is looked up with the visible sub-tenants, as Wazo always recurses here.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { RANGE_TYPES, type RangeListOptions, type RangeType } from '@wazo-ts/dao';
import { intParam } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = {
  type: 'object',
  properties: { context_id: { type: 'string' } },
  required: ['context_id'],
} as const;

const querystring = {
  type: 'object',
  properties: {
    availability: { type: 'string', enum: ['available', 'all'], default: 'available' },
    search: { type: 'string' },
    order: { type: 'string' },
    direction: { type: 'string' },
    limit: { type: 'integer', minimum: 0 },
    offset: { type: 'integer', minimum: 0 },
    recurse: { type: 'boolean' },
  },
} as const;

const ExtenRuns = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    items: {
      type: 'array',
      items: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
    },
  },
} as const;

type RangesRequest = { Params: { context_id: string }; Querystring: RangeListOptions };

export const contextRangesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'context_range',
  load({ api, resources }) {
    const { contexts } = resources.services;
    const route = (type: RangeType) =>
      api.get<RangesRequest>(
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
          return contexts.ranges(scope, id, type, request.query);
        },
      );
    for (const type of RANGE_TYPES) route(type);
  },
};
