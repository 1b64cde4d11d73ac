/**
 * A group's extension (`/groups/{id or uuid}/extensions/{id}`), as line extensions: PUT
 * associates (again: no change), DELETE dissociates; both 204, in the caller's tenant and its
 * visible sub-tenants. ACLs are Wazo's `confd.groups.{group}.extensions.{extension_id}.*`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import { intParam } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { groupKeyOf } from './group-key.js';

const params = Type.Object({
  group_id: Type.String({ description: 'The group id or uuid' }),
  extension_id: Type.String(),
});
const path = '/groups/:group_id/extensions/:extension_id';
const tags = ['groups', 'extensions'];

export const groupExtensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'group_extension',
  load({ api, resources }) {
    const { groupExtensions } = resources.services;
    const scope = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const keys = (request: { params: { group_id: string; extension_id: string } }) =>
      [groupKeyOf(request.params.group_id), intParam(request.params.extension_id, 'Extension')] as const;

    api.put(
      path,
      {
        config: { acl: 'confd.groups.{group_id}.extensions.{extension_id}.update' },
        schema: { summary: 'Associate group and extension', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await groupExtensions.associate(await scope(request), ...keys(request));
        return reply.code(204).send(null);
      },
    );

    api.delete(
      path,
      {
        config: { acl: 'confd.groups.{group_id}.extensions.{extension_id}.delete' },
        schema: { summary: 'Dissociate group and extension', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await groupExtensions.dissociate(await scope(request), ...keys(request));
        return reply.code(204).send(null);
      },
    );
  },
};
