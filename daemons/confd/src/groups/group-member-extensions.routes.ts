/**
 * `PUT /groups/{group_id}/members/extensions`: replaces the group's extension members
 * (`exten@context`, each with its priority, its index when not given). Wazo's plugin
 * `group_member` serves it beside the user members.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { groupMemberExtensionsSchema } from '@wazo-ts/dao';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { GroupIdParams, groupKeyOf } from './group-key.js';

export const groupMemberExtensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'group_member_extension',
  load({ api, resources }) {
    const { groupMemberExtensions } = resources.services;
    api.put(
      '/groups/:group_id/members/extensions',
      {
        config: { acl: 'confd.groups.{group_id}.members.extensions.update' },
        schema: {
          summary: 'Update group and extensions',
          tags: ['groups', 'extensions'],
          params: GroupIdParams,
          body: groupMemberExtensionsSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, resources.visibleTenants, true);
        const key = groupKeyOf(request.params.group_id);
        await groupMemberExtensions.associate(scope, key, request.body.extensions);
        return reply.code(204).send(null);
      },
    );
  },
};
