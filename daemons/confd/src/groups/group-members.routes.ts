/**
 * `PUT /groups/{group_id}/members/users`: replaces the group's user members, each with its
 * priority (its index in the list when not given). Wazo's plugin name is `group_member_user`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { groupMemberUsersSchema } from '@wazo-ts/dao';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { GroupIdParams, groupKeyOf } from './group-key.js';

export const groupMemberUsersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'group_member_user',
  load({ api, resources }) {
    const { groupMembers } = resources.services;
    api.put(
      '/groups/:group_id/members/users',
      {
        config: { acl: 'confd.groups.{group_id}.members.users.update' },
        schema: {
          summary: 'Update group and users',
          tags: ['groups', 'users'],
          params: GroupIdParams,
          body: groupMemberUsersSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, resources.visibleTenants, true);
        await groupMembers.associateUsers(scope, groupKeyOf(request.params.group_id), request.body.users);
        return reply.code(204).send(null);
      },
    );
  },
};
