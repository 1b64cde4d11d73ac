/** The queues' skill rules in the Service API (`skillRules.search|get|create|edit|delete`). */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createSkillRulesDao,
  createSkillRulesNotifier,
  createSkillRulesService,
  type SkillRulesService,
} from './skill-rules/index.js';

export function skillRuleServicesOf(uow: UnitOfWork): { skillRules: SkillRulesService } {
  return {
    skillRules: createSkillRulesService({
      uow,
      dao: createSkillRulesDao(),
      notifier: createSkillRulesNotifier(),
    }),
  };
}
