/** Tables of agents, skills, an agent's skills and a user's agent, as Kysely types. */
import type { Generated } from 'kysely';

export interface AgentTable {
  id: Generated<number>;
  tenant_uuid: string;
  number: string;
  firstname: string | null;
  lastname: string | null;
  /** Shown as `password`, as Wazo's `passwd` column. */
  passwd: string | null;
  language: string | null;
  preprocess_subroutine: string | null;
  description: string | null;
}

export interface SkillTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  description: string | null;
}

export interface AgentSkillTable {
  agent_id: number;
  skill_id: number;
  weight: number;
}

/** A user's agent: at most one per user (`user_id` is the key). */
export interface UserAgentTable {
  user_id: number;
  agent_id: number;
}

export interface AgentTables {
  agent: AgentTable;
  skill: SkillTable;
  agent_skill: AgentSkillTable;
  user_agent: UserAgentTable;
}
