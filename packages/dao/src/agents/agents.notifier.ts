/**
 * Agents' and skills' events, tenant-wide: agent_created|edited|deleted {id},
 * skill_created|edited|deleted {id}, agent_skill_associated|dissociated {agent_id, skill_id};
 * and the user's: user_agent_associated|dissociated {user_uuid, agent_id}.
 */
import {
  agentCreated,
  agentDeleted,
  agentEdited,
  agentSkillAssociated,
  agentSkillDissociated,
  skillCreated,
  skillDeleted,
  skillEdited,
  userAgentAssociated,
  userAgentDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../group-members/user-ref.js';

type Identity = { id: number; tenant_uuid: string };
const scoping = (owner: Identity) => ({ tenantUuid: owner.tenant_uuid });

export function createAgentsNotifier() {
  return {
    agentCreated: (tx: Tx, agent: Identity) =>
      tx.events.add(agentCreated.build({ id: agent.id }, scoping(agent))),
    agentEdited: (tx: Tx, agent: Identity) =>
      tx.events.add(agentEdited.build({ id: agent.id }, scoping(agent))),
    agentDeleted: (tx: Tx, agent: Identity) =>
      tx.events.add(agentDeleted.build({ id: agent.id }, scoping(agent))),
    skillCreated: (tx: Tx, skill: Identity) =>
      tx.events.add(skillCreated.build({ id: skill.id }, scoping(skill))),
    skillEdited: (tx: Tx, skill: Identity) =>
      tx.events.add(skillEdited.build({ id: skill.id }, scoping(skill))),
    skillDeleted: (tx: Tx, skill: Identity) =>
      tx.events.add(skillDeleted.build({ id: skill.id }, scoping(skill))),
    skillAssociated(tx: Tx, agent: Identity, skillId: number): void {
      tx.events.add(agentSkillAssociated.build({ agent_id: agent.id, skill_id: skillId }, scoping(agent)));
    },
    skillDissociated(tx: Tx, agent: Identity, skillId: number): void {
      tx.events.add(agentSkillDissociated.build({ agent_id: agent.id, skill_id: skillId }, scoping(agent)));
    },
    userAssociated(tx: Tx, user: UserRef, agentId: number): void {
      const data = { user_uuid: user.uuid, agent_id: agentId };
      tx.events.add(userAgentAssociated.build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
    },
    userDissociated(tx: Tx, user: UserRef, agentId: number): void {
      const data = { user_uuid: user.uuid, agent_id: agentId };
      tx.events.add(userAgentDissociated.build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
    },
  };
}

export type AgentsNotifier = ReturnType<typeof createAgentsNotifier>;
