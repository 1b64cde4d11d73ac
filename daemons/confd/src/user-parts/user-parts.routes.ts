/**
 * What else a user has, each as its own Wazo plugin: `user_callerid` (the caller ids it may
 * present), `user_agent` (its agent: one at most, of its tenant) and `user_subscription` (the
 * tenant's users counted by subscription type).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { outgoingCallerIdSchema, subscriptionCountSchema } from '@wazo-ts/dao';
import { intParam, keyParams } from '../common/int-param.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

type Plugin = DaemonPlugin<ConfdConfig, ConfdResources>;
const UserParams = keyParams('user_id');
const UserAgentParams = Type.Object({
  user_id: Type.String({ description: 'The id or uuid' }),
  agent_id: Type.String({ description: 'The agent id' }),
});

export const userCallerIdsPlugin: Plugin = {
  name: 'user_callerid',
  load({ api, resources }) {
    const { userCallerIds } = resources.services;
    api.get(
      '/users/:user_id/callerids/outgoing',
      {
        config: { acl: 'confd.users.{user_id}.callerids.outgoing.read' },
        schema: {
          summary: "List a user's outgoing caller ids",
          tags: ['users'],
          params: UserParams,
          response: { 200: ListOf(outgoingCallerIdSchema) },
        },
      },
      async (request) =>
        userCallerIds.outgoing(
          await tenantScopeOf(request, resources.visibleTenants, true),
          request.params.user_id,
        ),
    );
  },
};

export const userAgentsPlugin: Plugin = {
  name: 'user_agent',
  load({ api, resources }) {
    const { userAgents } = resources.services;
    const scope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    api.put(
      '/users/:user_id/agents/:agent_id',
      {
        config: { acl: 'confd.users.{user_id}.agents.{agent_id}.update' },
        schema: {
          summary: 'Associate user and agent',
          tags: ['users', 'agents'],
          params: UserAgentParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_id, agent_id } = request.params;
        await userAgents.associate(await scope(request), user_id, intParam(agent_id, 'Agent'));
        return reply.code(204).send(null);
      },
    );
    api.delete(
      '/users/:user_id/agents',
      {
        config: { acl: 'confd.users.{user_id}.agents.delete' },
        schema: {
          summary: 'Dissociate user and agent',
          tags: ['users', 'agents'],
          params: UserParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await userAgents.dissociate(await scope(request), request.params.user_id);
        return reply.code(204).send(null);
      },
    );
  },
};

export const userSubscriptionsPlugin: Plugin = {
  name: 'user_subscription',
  load({ api, resources }) {
    const { userSubscriptions } = resources.services;
    api.get(
      '/users/subscriptions',
      {
        config: { acl: 'confd.users.subscriptions.read' },
        schema: {
          summary: "Count the tenant's users by subscription type",
          tags: ['users'],
          response: { 200: ListOf(subscriptionCountSchema) },
        },
      },
      async (request) => userSubscriptions.count(scopingTenantOf(request)),
    );
  },
};
