export { skillRulesPlugin } from './skill-rules.routes.js';
