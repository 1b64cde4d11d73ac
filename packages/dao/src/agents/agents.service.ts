/**
 * The agents' and skills' public API, with Wazo's checks and words: an agent's number is unique
 * in its tenant and cannot change; a skill's name is unique in its tenant; an agent's skills
 * (with a weight) are of its tenant.
 * Each change queues its event in the same transaction.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { formatCriteria, notFound, resourceError, resourceExists } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { AgentRow, AgentsDao, SkillsDao } from './agents.dao.js';
import {
  AGENT_EDITABLE,
  type Agent,
  type AgentCreate,
  type AgentEdit,
  type Skill,
  type SkillCreate,
  type SkillEdit,
} from './agents.model.js';
import type { AgentsNotifier } from './agents.notifier.js';

export interface AgentsServiceDeps {
  uow: UnitOfWork;
  agents: AgentsDao;
  skills: SkillsDao;
  notifier: AgentsNotifier;
}

/** Wazo's `different tenants` error, its criteria in Wazo's order. */
export function differentTenants(criteria: Record<string, string>) {
  return resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
}

/** The API's fields as the `agent` table's columns (`password` is `passwd`). */
function agentColumns(input: AgentEdit): Partial<AgentRow> {
  const row: Record<string, unknown> = {};
  for (const key of AGENT_EDITABLE) {
    if (input[key] === undefined) continue;
    row[key === 'password' ? 'passwd' : key] = input[key];
  }
  return row as Partial<AgentRow>;
}

export function createAgentsService({ uow, agents, skills, notifier }: AgentsServiceDeps) {
  async function agentIn(tx: Tx, scope: TenantScope, id: number): Promise<Agent> {
    const agent = await agents.find(tx, scope, id);
    if (!agent) throw notFound('Agent', { id });
    return agent;
  }
  async function skillIn(tx: Tx, scope: TenantScope, id: number): Promise<Skill> {
    const skill = await skills.find(tx, scope, id);
    if (!skill) throw notFound('Skill', { id });
    return skill;
  }
  async function checkSkillName(tx: Tx, tenantUuid: string, name: string | undefined, id?: number) {
    if (name === undefined) return;
    const holder = await skills.idByName(tx, tenantUuid, name);
    if (holder !== null && holder !== id) throw resourceExists('Skill', { name });
  }

  return {
    agents: {
      search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Agent>> =>
        uow.read((tx) => agents.search(tx, scope, params)),
      get: (scope: TenantScope, id: number): Promise<Agent> => uow.read((tx) => agentIn(tx, scope, id)),
      /** The agent id of each user that has one (the users were found in scope), by user id. */
      agentIdsOfUsers: (userIds: number[]): Promise<Map<number, number>> =>
        uow.read((tx) => agents.agentIdsOfUsers(tx, userIds)),
      /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
      create: (scope: TenantScope, tenantUuid: string, input: AgentCreate): Promise<Agent> =>
        uow.run(async (tx) => {
          if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
          if ((await agents.idByNumber(tx, tenantUuid, input.number)) !== null) {
            throw resourceExists('Agent', { number: input.number });
          }
          const row: AgentRow = {
            tenant_uuid: tenantUuid,
            number: input.number,
            firstname: null,
            lastname: null,
            passwd: null,
            language: null,
            preprocess_subroutine: null,
            description: null,
            ...agentColumns(input),
          };
          const agent = await agents.create(tx, scope, row);
          if (!agent) throw notFound('Tenant', { uuid: tenantUuid });
          notifier.agentCreated(tx, agent);
          return agent;
        }),
      /** Changes the given fields; the number stays. */
      edit: (scope: TenantScope, id: number, changes: AgentEdit): Promise<void> =>
        uow.run(async (tx) => {
          const agent = await agentIn(tx, scope, id);
          await agents.update(tx, scope, agent.id, agentColumns(changes));
          notifier.agentEdited(tx, agent);
        }),
      /** Deletes it with its skills, queue memberships and users' links. */
      delete: (scope: TenantScope, id: number): Promise<void> =>
        uow.run(async (tx) => {
          const agent = await agentIn(tx, scope, id);
          await agents.delete(tx, scope, agent.id);
          notifier.agentDeleted(tx, agent);
        }),
    },

    skills: {
      search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Skill>> =>
        uow.read((tx) => skills.search(tx, scope, params)),
      get: (scope: TenantScope, id: number): Promise<Skill> => uow.read((tx) => skillIn(tx, scope, id)),
      create: (scope: TenantScope, tenantUuid: string, input: SkillCreate): Promise<Skill> =>
        uow.run(async (tx) => {
          if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
          await checkSkillName(tx, tenantUuid, input.name);
          const row = { tenant_uuid: tenantUuid, name: input.name, description: input.description ?? null };
          const skill = await skills.create(tx, scope, row);
          if (!skill) throw notFound('Tenant', { uuid: tenantUuid });
          notifier.skillCreated(tx, skill);
          return skill;
        }),
      edit: (scope: TenantScope, id: number, changes: SkillEdit): Promise<void> =>
        uow.run(async (tx) => {
          const skill = await skillIn(tx, scope, id);
          await checkSkillName(tx, skill.tenant_uuid, changes.name, skill.id);
          const row: { name?: string; description?: string | null } = {};
          if (changes.name !== undefined) row.name = changes.name;
          if (changes.description !== undefined) row.description = changes.description;
          await skills.update(tx, scope, skill.id, row);
          notifier.skillEdited(tx, skill);
        }),
      /** Deletes it; the agents having it lose it. */
      delete: (scope: TenantScope, id: number): Promise<void> =>
        uow.run(async (tx) => {
          const skill = await skillIn(tx, scope, id);
          await skills.delete(tx, scope, skill.id);
          notifier.skillDeleted(tx, skill);
        }),
    },

    agentSkills: {
      /** Gives the agent the skill with `weight`; a skill it has already only changes weight (no event). */
      associate: (scope: TenantScope, agentId: number, skillId: number, weight: number): Promise<void> =>
        uow.run(async (tx) => {
          const agent = await agentIn(tx, scope, agentId);
          const skill = await skillIn(tx, scope, skillId);
          if ((await agents.skillWeight(tx, agent.id, skill.id)) !== null) {
            await agents.setSkill(tx, agent.id, skill.id, weight);
            return;
          }
          if (agent.tenant_uuid !== skill.tenant_uuid) {
            throw differentTenants({
              agent_tenant_uuid: agent.tenant_uuid,
              skill_tenant_uuid: skill.tenant_uuid,
            });
          }
          await agents.setSkill(tx, agent.id, skill.id, weight);
          notifier.skillAssociated(tx, agent, skill.id);
        }),
      /** Takes the skill from the agent; nothing happens when it does not have it. */
      dissociate: (scope: TenantScope, agentId: number, skillId: number): Promise<void> =>
        uow.run(async (tx) => {
          const agent = await agentIn(tx, scope, agentId);
          const skill = await skillIn(tx, scope, skillId);
          if ((await agents.skillWeight(tx, agent.id, skill.id)) === null) return;
          await agents.removeSkill(tx, agent.id, skill.id);
          notifier.skillDissociated(tx, agent, skill.id);
        }),
    },
  };
}

export type AgentsService = ReturnType<typeof createAgentsService>;
