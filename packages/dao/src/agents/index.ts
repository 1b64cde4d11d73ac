// Public surface of agents, skills, an agent's skills and a user's agent.
export {
  type AgentsDao,
  agentSearchConfig,
  createAgentsDao,
  type SkillsDao,
  skillSearchConfig,
} from './agents.dao.js';
export {
  type Agent,
  type AgentCreate,
  type AgentEdit,
  type AgentSkillBody,
  agentCreateSchema,
  agentEditSchema,
  agentSchema,
  agentSkillBodySchema,
  type Skill,
  type SkillCreate,
  type SkillEdit,
  skillCreateSchema,
  skillEditSchema,
  skillSchema,
} from './agents.model.js';
export { type AgentsNotifier, createAgentsNotifier } from './agents.notifier.js';
export {
  type AgentsService,
  type AgentsServiceDeps,
  createAgentsService,
  differentTenants,
} from './agents.service.js';
