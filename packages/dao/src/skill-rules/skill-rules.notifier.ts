/** The skill rules' events: skill_rule_created|edited|deleted with its id, to its tenant. */
import { type BusEvent, skillRuleCreated, skillRuleDeleted, skillRuleEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { SkillRule } from './skill-rules.model.js';

type Definition = { build(data: { id: number }, options: { tenantUuid: string }): BusEvent };

const event = (definition: Definition) => (tx: Tx, rule: SkillRule) =>
  tx.events.add(definition.build({ id: rule.id }, { tenantUuid: rule.tenant_uuid }));

export function createSkillRulesNotifier() {
  return {
    created: event(skillRuleCreated),
    edited: event(skillRuleEdited),
    deleted: event(skillRuleDeleted),
  };
}

export type SkillRulesNotifier = ReturnType<typeof createSkillRulesNotifier>;
