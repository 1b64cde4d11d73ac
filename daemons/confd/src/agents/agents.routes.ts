/**
 * Agents (`/agents`, Wazo's `agent`), skills (`/agents/skills`, `skill`) and an agent's skills
 * (`PUT|DELETE /agents/{agent_id}/skills/{skill_id}`, `agent_skill`, with `skill_weight`).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  type AgentCreate,
  type AgentSkillBody,
  agentCreateSchema,
  agentEditSchema,
  agentSchema,
  agentSkillBodySchema,
  scopeOf,
  skillCreateSchema,
  skillEditSchema,
  skillSchema,
} from '@wazo-ts/dao';
import { crudPlugin } from '../common/crud-routes.js';
import { intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export const agentsPlugin = crudPlugin({
  name: 'agent',
  path: '/agents',
  param: 'agent_id',
  acl: 'agents',
  resource: 'Agent',
  words: ['agent', 'agents'],
  tags: ['agents'],
  filters: LIST_FILTERS.agents,
  answer: agentSchema,
  createBody: agentCreateSchema,
  editBody: agentEditSchema,
  service: (services) => services.agents,
  // Wazo's agent middleware makes the agent a member of each queue given, all in one request.
  async create(services, { tenantUuid, visible }, body) {
    const { queues = [], ...fields } = body as AgentCreate;
    return services.transaction(async () => {
      const agent = await services.agents.create(scopeOf(tenantUuid), tenantUuid, fields);
      if (queues.length === 0) return agent;
      for (const { id, ...member } of queues)
        await services.queues.associateAgent(visible, id, agent.id, member);
      return services.agents.get(visible, agent.id);
    });
  },
});

export const skillsPlugin = crudPlugin({
  name: 'skill',
  path: '/agents/skills',
  param: 'skill_id',
  acl: 'agents.skills',
  resource: 'Skill',
  words: ['skill', 'skills'],
  tags: ['agents', 'skills'],
  filters: LIST_FILTERS.skills,
  answer: skillSchema,
  createBody: skillCreateSchema,
  editBody: skillEditSchema,
  service: (services) => services.skills,
});

const params = Type.Object({ agent_id: Type.String(), skill_id: Type.String() });

export const agentSkillsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'agent_skill',
  load({ api, resources }) {
    const { agentSkills } = resources.services;
    const path = '/agents/:agent_id/skills/:skill_id';
    const tags = ['agents', 'skills'];
    const scope = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const ids = (request: { params: { agent_id: string; skill_id: string } }) =>
      [intParam(request.params.agent_id, 'Agent'), intParam(request.params.skill_id, 'Skill')] as const;

    api.put(
      path,
      {
        config: { acl: 'confd.agents.{agent_id}.skills.{skill_id}.update' },
        schema: {
          summary: 'Associate agent and skill',
          tags,
          params,
          body: agentSkillBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as AgentSkillBody;
        await agentSkills.associate(await scope(request), ...ids(request), body.skill_weight ?? 0);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      path,
      {
        config: { acl: 'confd.agents.{agent_id}.skills.{skill_id}.delete' },
        schema: { summary: 'Dissociate agent and skill', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await agentSkills.dissociate(await scope(request), ...ids(request));
        return reply.code(204).send(null);
      },
    );
  },
};
