// Public surface of the queues' skill rules resource.
export { createSkillRulesDao, type SkillRulesDao, skillRuleSearchConfig } from './skill-rules.dao.js';
export {
  type SkillRule,
  type SkillRuleCreate,
  type SkillRuleEdit,
  skillRuleCreateSchema,
  skillRuleEditSchema,
  skillRuleSchema,
} from './skill-rules.model.js';
export { createSkillRulesNotifier, type SkillRulesNotifier } from './skill-rules.notifier.js';
export { createSkillRulesService, type SkillRulesService } from './skill-rules.service.js';
