/**
 * `PUT /contexts/{id}/contexts` (Wazo's `context_context`): replaces the contexts a context
 * includes, in order; 204. The included contexts are read back in `GET /contexts/{id}`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import { contextIncludesSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export const contextIncludesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'context_context',
  load({ api, resources }) {
    api.put(
      '/contexts/:context_id/contexts',
      {
        config: { acl: 'confd.contexts.{context_id}.contexts.update' },
        schema: {
          summary: 'Include contexts inside context',
          tags: ['contexts'],
          params: idParams('context_id'),
          body: contextIncludesSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, resources.visibleTenants, true);
        const id = intParam(request.params.context_id, 'Context');
        await resources.services.contextIncludes.associate(scope, id, request.body.contexts);
        return reply.code(204).send(null);
      },
    );
  },
};
