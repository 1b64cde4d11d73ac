/**
 * Queues (`/queues`, Wazo's `queue`), a queue's extension (`queue_extension`), schedule
 * (`queue_schedule`) and members (`queue_member`: `/members/agents/{agent_id}` with penalty and
 * priority, `/members/users/{user_id}` with priority). Its fallbacks are with the others'
 * (fallbacks.routes.ts). Associations answer 204, again: no change.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  type QueueMemberAgentBody,
  type QueueMemberUserBody,
  queueCreateSchema,
  queueEditSchema,
  queueMemberAgentBodySchema,
  queueMemberUserBodySchema,
  queueSchema,
} from '@wazo-ts/dao';
import { crudPlugin } from '../common/crud-routes.js';
import { intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

type Plugin = DaemonPlugin<ConfdConfig, ConfdResources>;
type Request = Parameters<typeof tenantScopeOf>[0];

export const queuesPlugin = crudPlugin({
  name: 'queue',
  path: '/queues',
  param: 'queue_id',
  acl: 'queues',
  resource: 'Queue',
  words: ['queue', 'queues'],
  tags: ['queues'],
  filters: LIST_FILTERS.queues,
  answer: queueSchema,
  createBody: queueCreateSchema,
  editBody: queueEditSchema,
  service: (services) => services.queues,
});

/** A queue ↔ `<other>` link: PUT associates, DELETE dissociates, both by ids. */
function queueLinkPlugin(
  name: string,
  other: 'extensions' | 'schedules',
  resource: string,
  associate: (services: ConfdResources['services']) => {
    put: (scope: Awaited<ReturnType<typeof tenantScopeOf>>, queueId: number, id: number) => Promise<void>;
    del: (scope: Awaited<ReturnType<typeof tenantScopeOf>>, queueId: number, id: number) => Promise<void>;
  },
): Plugin {
  const param = `${other.slice(0, -1)}_id`;
  const path = `/queues/:queue_id/${other}/:${param}`;
  const params = Type.Object({ queue_id: Type.String(), [param]: Type.String() });
  const tags = ['queues', other];
  const word = other.slice(0, -1);
  return {
    name,
    load({ api, resources }) {
      const link = associate(resources.services);
      const scope = (request: Request) => tenantScopeOf(request, resources.visibleTenants, true);
      const ids = (request: { params: unknown }) => {
        const raw = request.params as Record<string, string>;
        return [intParam(raw.queue_id as string, 'Queue'), intParam(raw[param] as string, resource)] as const;
      };
      api.put(
        path,
        {
          config: { acl: `confd.queues.{queue_id}.${other}.{${param}}.update` },
          schema: { summary: `Associate queue and ${word}`, tags, params, response: { 204: NoContent } },
        },
        async (request, reply) => {
          await link.put(await scope(request), ...ids(request));
          return reply.code(204).send(null);
        },
      );
      api.delete(
        path,
        {
          config: { acl: `confd.queues.{queue_id}.${other}.{${param}}.delete` },
          schema: { summary: `Dissociate queue and ${word}`, tags, params, response: { 204: NoContent } },
        },
        async (request, reply) => {
          await link.del(await scope(request), ...ids(request));
          return reply.code(204).send(null);
        },
      );
    },
  };
}

export const queueExtensionsPlugin = queueLinkPlugin('queue_extension', 'extensions', 'Extension', (s) => ({
  put: s.queues.associateExtension,
  del: s.queues.dissociateExtension,
}));

export const queueSchedulesPlugin = queueLinkPlugin('queue_schedule', 'schedules', 'Schedule', (s) => ({
  put: s.queues.associateSchedule,
  del: s.queues.dissociateSchedule,
}));

const agentParams = Type.Object({ queue_id: Type.String(), agent_id: Type.String() });
const userParams = Type.Object({
  queue_id: Type.String(),
  user_id: Type.String({ description: 'The user id or uuid' }),
});

export const queueMembersPlugin: Plugin = {
  name: 'queue_member',
  load({ api, resources }) {
    const { queues } = resources.services;
    const scope = (request: Request) => tenantScopeOf(request, resources.visibleTenants, true);
    const tags = ['queues', 'members'];
    const agentPath = '/queues/:queue_id/members/agents/:agent_id';
    const userPath = '/queues/:queue_id/members/users/:user_id';
    const agentIds = (request: { params: { queue_id: string; agent_id: string } }) =>
      [intParam(request.params.queue_id, 'Queue'), intParam(request.params.agent_id, 'Agent')] as const;

    api.put(
      agentPath,
      {
        config: { acl: 'confd.queues.{queue_id}.members.agents.{agent_id}.update' },
        schema: {
          summary: 'Associate queue and agent',
          tags,
          params: agentParams,
          body: queueMemberAgentBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as QueueMemberAgentBody;
        await queues.associateAgent(await scope(request), ...agentIds(request), body);
        return reply.code(204).send(null);
      },
    );
    api.delete(
      agentPath,
      {
        config: { acl: 'confd.queues.{queue_id}.members.agents.{agent_id}.delete' },
        schema: {
          summary: 'Dissociate queue and agent',
          tags,
          params: agentParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await queues.dissociateAgent(await scope(request), ...agentIds(request));
        return reply.code(204).send(null);
      },
    );
    api.put(
      userPath,
      {
        config: { acl: 'confd.queues.{queue_id}.members.users.{user_id}.update' },
        schema: {
          summary: 'Associate queue and user',
          tags,
          params: userParams,
          body: queueMemberUserBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as QueueMemberUserBody;
        const queueId = intParam(request.params.queue_id, 'Queue');
        await queues.associateUser(await scope(request), queueId, request.params.user_id, body);
        return reply.code(204).send(null);
      },
    );
    api.delete(
      userPath,
      {
        config: { acl: 'confd.queues.{queue_id}.members.users.{user_id}.delete' },
        schema: {
          summary: 'Dissociate queue and user',
          tags,
          params: userParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const queueId = intParam(request.params.queue_id, 'Queue');
        await queues.dissociateUser(await scope(request), queueId, request.params.user_id);
        return reply.code(204).send(null);
      },
    );
  },
};
