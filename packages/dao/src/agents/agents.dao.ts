/**
 * SQL of agents and skills: `agent` with its queues (`queue_member_agent`), skills (`agent_skill`)
 * and users (`user_agent`) read with it; `skill` with its agents; an agent's skill rows and a
 * user's agent row.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Agent, AgentFields, Skill, SkillFields } from './agents.model.js';
import type { AgentTable } from './agents.tables.js';

/** Wazo's agent search: id, firstname, lastname, number, preprocess_subroutine; sorted by id. */
export const agentSearchConfig: SearchConfig = {
  columns: {
    id: 'agent.id',
    firstname: 'agent.firstname',
    lastname: 'agent.lastname',
    number: 'agent.number',
    preprocess_subroutine: 'agent.preprocess_subroutine',
  },
  search: ['id', 'firstname', 'lastname', 'number', 'preprocess_subroutine'],
  defaultSort: 'id',
  key: 'agent.id',
};

/** Wazo's skill search: id, name, description; sorted by name. */
export const skillSearchConfig: SearchConfig = {
  columns: { id: 'skill.id', name: 'skill.name', description: 'skill.description' },
  search: ['id', 'name', 'description'],
  defaultSort: 'name',
  key: 'skill.id',
};

/** What the dao writes of an agent (the API's `password` is the `passwd` column). */
export type AgentRow = Omit<AgentTable, 'id'>;

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const agentColumns = [
  'agent.id',
  'agent.tenant_uuid',
  'agent.number',
  'agent.firstname',
  'agent.lastname',
  'agent.passwd as password',
  'agent.language',
  'agent.preprocess_subroutine',
  'agent.description',
] as const;

function scopedAgents(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('agent')
    .select(agentColumns)
    .where(inTenants('agent.tenant_uuid', scope.tenantUuids));
}

function scopedSkills(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('skill')
    .selectAll('skill')
    .where(inTenants('skill.tenant_uuid', scope.tenantUuids));
}

async function agentsWithRelations(tx: Tx, rows: AgentFields[]): Promise<Agent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const queues = new Map<number, Agent['queues']>();
  const skills = new Map<number, Agent['skills']>();
  const users = new Map<number, Agent['users']>();
  const queueRows = await tx.db
    .selectFrom('queue_member_agent as m')
    .innerJoin('queue as q', 'q.id', 'm.queue_id')
    .select(['m.agent_id', 'm.penalty', 'q.id', 'q.name', 'q.label'])
    .where('m.agent_id', 'in', ids)
    .orderBy('q.id')
    .execute();
  for (const { agent_id, ...queue } of queueRows) push(queues, agent_id, queue);
  const skillRows = await tx.db
    .selectFrom('agent_skill as a')
    .innerJoin('skill as s', 's.id', 'a.skill_id')
    .select(['a.agent_id', 'a.weight as skill_weight', 's.id', 's.name'])
    .where('a.agent_id', 'in', ids)
    .orderBy('s.id')
    .execute();
  for (const { agent_id, ...skill } of skillRows) push(skills, agent_id, skill);
  const userRows = await tx.db
    .selectFrom('user_agent as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.agent_id', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('l.agent_id', 'in', ids)
    .orderBy('u.id')
    .execute();
  for (const { agent_id, ...user } of userRows) push(users, agent_id, user);
  return rows.map((row) => ({
    ...row,
    queues: queues.get(row.id) ?? [],
    skills: skills.get(row.id) ?? [],
    users: users.get(row.id) ?? [],
  }));
}

async function skillsWithAgents(tx: Tx, rows: SkillFields[]): Promise<Skill[]> {
  if (rows.length === 0) return [];
  const agents = new Map<number, Skill['agents']>();
  const agentRows = await tx.db
    .selectFrom('agent_skill as a')
    .innerJoin('agent as g', 'g.id', 'a.agent_id')
    .select(['a.skill_id', 'a.weight as skill_weight', 'g.id', 'g.number', 'g.firstname', 'g.lastname'])
    .where(
      'a.skill_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('g.id')
    .execute();
  for (const { skill_id, ...agent } of agentRows) push(agents, skill_id, agent);
  return rows.map((row) => ({ ...row, agents: agents.get(row.id) ?? [] }));
}

export function createAgentsDao() {
  const agents = {
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Agent | null> {
      const row = await scopedAgents(tx, scope).where('agent.id', '=', id).executeTakeFirst();
      return row ? ((await agentsWithRelations(tx, [row]))[0] ?? null) : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Agent>> {
      const page = (await runSearch(
        scopedAgents(tx, scope),
        agentSearchConfig,
        params,
      )) as SearchResult<AgentFields>;
      return { total: page.total, items: await agentsWithRelations(tx, page.items) };
    },

    /** The id of the tenant's agent numbered `number`, if any. */
    async idByNumber(tx: Tx, tenantUuid: string, number: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('agent')
        .select('id')
        .where('tenant_uuid', '=', tenantUuid)
        .where('number', '=', number)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: AgentRow): Promise<Agent | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const { id } = await tx.db.insertInto('agent').values(row).returning('id').executeTakeFirstOrThrow();
      return this.find(tx, scope, id);
    },

    async update(tx: Tx, scope: TenantScope, id: number, row: Partial<AgentRow>): Promise<Agent | null> {
      if (Object.keys(row).length > 0) {
        await tx.db
          .updateTable('agent')
          .set(row)
          .where('id', '=', id)
          .where(inTenants('tenant_uuid', scope.tenantUuids))
          .execute();
      }
      return this.find(tx, scope, id);
    },

    /** Deletes the agent (its skills, memberships and users' links go with it) if in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'agent', scope, id);
    },

    /** The weight of the agent's skill, or null when the agent does not have it. */
    async skillWeight(tx: Tx, agentId: number, skillId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('agent_skill')
        .select('weight')
        .where('agent_id', '=', agentId)
        .where('skill_id', '=', skillId)
        .executeTakeFirst();
      return row?.weight ?? null;
    },

    async setSkill(tx: Tx, agentId: number, skillId: number, weight: number): Promise<void> {
      await tx.db
        .insertInto('agent_skill')
        .values({ agent_id: agentId, skill_id: skillId, weight })
        .onConflict((c) => c.columns(['agent_id', 'skill_id']).doUpdateSet({ weight }))
        .execute();
    },

    async removeSkill(tx: Tx, agentId: number, skillId: number): Promise<void> {
      await tx.db
        .deleteFrom('agent_skill')
        .where('agent_id', '=', agentId)
        .where('skill_id', '=', skillId)
        .execute();
    },

    /** The id of the user's agent, or null. */
    async agentIdOfUser(tx: Tx, userId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('user_agent')
        .select('agent_id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.agent_id ?? null;
    },

    /** The agent of each of the users that have one, by user id. */
    async agentIdsOfUsers(tx: Tx, userIds: number[]): Promise<Map<number, number>> {
      if (userIds.length === 0) return new Map();
      const rows = await tx.db
        .selectFrom('user_agent')
        .select(['user_id', 'agent_id'])
        .where('user_id', 'in', userIds)
        .execute();
      return new Map(rows.map((row) => [row.user_id, row.agent_id]));
    },

    async setUserAgent(tx: Tx, userId: number, agentId: number | null): Promise<void> {
      if (agentId === null) {
        await tx.db.deleteFrom('user_agent').where('user_id', '=', userId).execute();
        return;
      }
      await tx.db.insertInto('user_agent').values({ user_id: userId, agent_id: agentId }).execute();
    },
  };
  const skills = {
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Skill | null> {
      const row = await scopedSkills(tx, scope).where('skill.id', '=', id).executeTakeFirst();
      return row ? ((await skillsWithAgents(tx, [row]))[0] ?? null) : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Skill>> {
      const page = (await runSearch(
        scopedSkills(tx, scope),
        skillSearchConfig,
        params,
      )) as SearchResult<SkillFields>;
      return { total: page.total, items: await skillsWithAgents(tx, page.items) };
    },

    async idByName(tx: Tx, tenantUuid: string, name: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('skill')
        .select('id')
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, scope: TenantScope, row: Omit<SkillFields, 'id'>): Promise<Skill | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const { id } = await tx.db.insertInto('skill').values(row).returning('id').executeTakeFirstOrThrow();
      return this.find(tx, scope, id);
    },

    async update(
      tx: Tx,
      scope: TenantScope,
      id: number,
      row: Partial<Omit<SkillFields, 'id' | 'tenant_uuid'>>,
    ): Promise<Skill | null> {
      if (Object.keys(row).length > 0) {
        await tx.db
          .updateTable('skill')
          .set(row)
          .where('id', '=', id)
          .where(inTenants('tenant_uuid', scope.tenantUuids))
          .execute();
      }
      return this.find(tx, scope, id);
    },

    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'skill', scope, id);
    },
  };
  return { agents, skills };
}

export type AgentsDao = ReturnType<typeof createAgentsDao>['agents'];
export type SkillsDao = ReturnType<typeof createAgentsDao>['skills'];
