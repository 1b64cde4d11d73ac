/**
 * Pagings (`/pagings`, Wazo's `paging` plugin) and their users (`/pagings/{id}/callers/users`,
 * `/pagings/{id}/members/users`, `paging_user`): each PUT replaces the list, 204.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { pagingCreateSchema, pagingEditSchema, pagingSchema, pagingUsersSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { registerCrudRoutes } from './crud-routes.js';

export const pagingsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'paging',
  load({ api, resources }) {
    registerCrudRoutes(api, resources, {
      path: 'pagings',
      idName: 'paging_id',
      resource: 'Paging',
      summaries: ['List paging', 'Get paging', 'Create paging', 'Update paging', 'Delete paging'],
      answer: pagingSchema,
      createBody: pagingCreateSchema,
      editBody: pagingEditSchema,
      filters: LIST_FILTERS.pagings,
      service: resources.services.pagings,
    });
  },
};

const params = idParams('paging_id');

export const pagingUsersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'paging_user',
  load({ api, resources }) {
    const { pagings } = resources.services;
    for (const [side, noun, associate] of [
      ['callers', 'caller', pagings.associateCallers],
      ['members', 'member', pagings.associateMembers],
    ] as const) {
      api.put(
        `/pagings/:paging_id/${side}/users`,
        {
          config: { acl: `confd.pagings.{paging_id}.${side}.users.update` },
          schema: {
            summary: `Associate paging and ${noun} users`,
            tags: ['pagings', 'users'],
            params,
            body: pagingUsersSchema,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const scope = await tenantScopeOf(request, resources.visibleTenants, true);
          await associate(scope, intParam(request.params.paging_id, 'Paging'), request.body.users);
          return reply.code(204).send(null);
        },
      );
    }
  },
};
