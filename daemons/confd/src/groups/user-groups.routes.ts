/**
 * `PUT /users/{user_id}/groups` (Wazo's `user_group`): makes the user (by id or uuid) a member of
 * exactly these groups, each named by id or uuid; an empty list leaves them all. 204, and the
 * user event `user_groups_associated`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { userGroupsSchema } from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = keyParams('user_id');

export const userGroupsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_group',
  load({ api, resources }) {
    api.put(
      '/users/:user_id/groups',
      {
        config: { acl: 'confd.users.{user_id}.groups.update' },
        schema: {
          summary: 'Associate user to groups',
          tags: ['users', 'groups'],
          params,
          body: userGroupsSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, resources.visibleTenants, true);
        const raw = request.params.user_id;
        const key = /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
        await resources.services.groupMembers.associateGroups(scope, key, request.body.groups);
        return reply.code(204).send(null);
      },
    );
  },
};
