/**
 * A call filter's members (Wazo's `call_filter_user`): `PUT /callfilters/{id}/recipients/users`
 * (`{users: [{uuid, timeout}]}`, one recipient at most) and `PUT .../surrogates/users`
 * (`{users: [{uuid}]}`, in ringing order) replace that side's members, 204. The filter and the
 * users are looked up in the caller's tenant and its sub-tenants, and must share a tenant.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { callFilterRecipientUsersSchema, callFilterSurrogateUsersSchema } from '@wazo-ts/dao';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { CallFilterIdParams, callFilterIdOf } from './call-filter-id.js';

const tags = ['callfilters', 'users'];

export const callFilterUsersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'call_filter_user',
  load({ api, resources }) {
    const { callFilters } = resources.services;
    const scopeOf = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);

    api.put(
      '/callfilters/:callfilter_id/recipients/users',
      {
        config: { acl: 'confd.callfilters.{callfilter_id}.recipients.users.update' },
        schema: {
          summary: 'Update call filter and recipients',
          tags,
          params: CallFilterIdParams,
          body: callFilterRecipientUsersSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = callFilterIdOf(request.params.callfilter_id);
        await callFilters.associateRecipients(await scopeOf(request), id, request.body.users);
        return reply.code(204).send(null);
      },
    );

    api.put(
      '/callfilters/:callfilter_id/surrogates/users',
      {
        config: { acl: 'confd.callfilters.{callfilter_id}.surrogates.users.update' },
        schema: {
          summary: 'Update call filter and surrogates',
          tags,
          params: CallFilterIdParams,
          body: callFilterSurrogateUsersSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = callFilterIdOf(request.params.callfilter_id);
        await callFilters.associateSurrogates(await scopeOf(request), id, request.body.users);
        return reply.code(204).send(null);
      },
    );
  },
};
