/** wazo-confd's agent, skill and queue events: the resources, their links and their members. */
import { defineEvent } from './define.js';

export interface IdPayload {
  id: number;
}

const tenantEvent =
  <D extends object>() =>
  <const N extends string>(name: N, routingKey: string) =>
    defineEvent<D>()({ name, routingKey, scope: 'tenant', service: 'confd' });
const userEvent =
  <D extends object>() =>
  <const N extends string>(name: N, routingKey: string) =>
    defineEvent<D>()({ name, routingKey, scope: 'user', service: 'confd' });

const idEvent = tenantEvent<IdPayload>();
export const agentCreated = idEvent('agent_created', 'config.agent.created');
export const agentEdited = idEvent('agent_edited', 'config.agent.edited');
export const agentDeleted = idEvent('agent_deleted', 'config.agent.deleted');
export const skillCreated = idEvent('skill_created', 'config.agents.skills.created');
export const skillEdited = idEvent('skill_edited', 'config.agents.skills.edited');
export const skillDeleted = idEvent('skill_deleted', 'config.agents.skills.deleted');
export const queueCreated = idEvent('queue_created', 'config.queues.created');
export const queueEdited = idEvent('queue_edited', 'config.queues.edited');
export const queueDeleted = idEvent('queue_deleted', 'config.queues.deleted');
export const queueFallbackEdited = idEvent('queue_fallback_edited', 'config.queues.fallbacks.edited');

export interface AgentSkillPayload {
  agent_id: number;
  skill_id: number;
}
const agentSkillEvent = tenantEvent<AgentSkillPayload>();
export const agentSkillAssociated = agentSkillEvent('agent_skill_associated', 'config.agents.skills.updated');
export const agentSkillDissociated = agentSkillEvent(
  'agent_skill_dissociated',
  'config.agents.skills.deleted',
);

export interface UserAgentPayload {
  user_uuid: string;
  agent_id: number;
}
const userAgentEvent = userEvent<UserAgentPayload>();
export const userAgentAssociated = userAgentEvent(
  'user_agent_associated',
  'config.users.{user_uuid}.agents.updated',
);
export const userAgentDissociated = userAgentEvent(
  'user_agent_dissociated',
  'config.users.{user_uuid}.agents.deleted',
);

export interface QueueExtensionPayload {
  queue_id: number;
  extension_id: number;
}
const queueExtensionEvent = tenantEvent<QueueExtensionPayload>();
export const queueExtensionAssociated = queueExtensionEvent(
  'queue_extension_associated',
  'config.queues.extensions.updated',
);
export const queueExtensionDissociated = queueExtensionEvent(
  'queue_extension_dissociated',
  'config.queues.extensions.deleted',
);

export interface QueueSchedulePayload {
  queue_id: number;
  schedule_id: number;
}
const queueScheduleEvent = tenantEvent<QueueSchedulePayload>();
export const queueScheduleAssociated = queueScheduleEvent(
  'queue_schedule_associated',
  'config.queues.schedules.updated',
);
export const queueScheduleDissociated = queueScheduleEvent(
  'queue_schedule_dissociated',
  'config.queues.schedules.deleted',
);

export const queueMemberAgentAssociated = tenantEvent<{
  queue_id: number;
  agent_id: number;
  penalty: number;
}>()('queue_member_agent_associated', 'config.queues.agents.updated');
export const queueMemberAgentDissociated = tenantEvent<{ queue_id: number; agent_id: number }>()(
  'queue_member_agent_dissociated',
  'config.queues.agents.deleted',
);

export interface QueueMemberUserPayload {
  queue_id: number;
  user_uuid: string;
}
const queueMemberUserEvent = userEvent<QueueMemberUserPayload>();
export const queueMemberUserAssociated = queueMemberUserEvent(
  'queue_member_user_associated',
  'config.queues.users.updated',
);
export const queueMemberUserDissociated = queueMemberUserEvent(
  'queue_member_user_dissociated',
  'config.queues.users.deleted',
);
