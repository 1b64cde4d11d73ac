export { agentSkillsPlugin, agentsPlugin, skillsPlugin } from './agents.routes.js';
