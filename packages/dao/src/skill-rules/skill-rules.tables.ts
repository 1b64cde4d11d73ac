/** Table of the queues' skill rules, as a Kysely type. Only the skill rules dao queries it. */
import type { Generated } from 'kysely';

/** `rule`: the definitions joined by `;` (Wazo's storage), null when there are none. */
export interface QueueSkillRuleTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  rule: string | null;
}

export interface SkillRuleTables {
  queueskillrule: QueueSkillRuleTable;
}
