/**
 * A queue skill rule as wazo-confd shows it (`/queues/skillrules`): a tenant's name for a list of
 * Asterisk skill rule definitions, each `{definition}`.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

const rule = Type.Object({ definition: Type.String() });

export const skillRuleSchema = linked('skillrules', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  rules: Type.Array(rule),
});
export type SkillRule = Static<typeof skillRuleSchema>;

/** POST body: `name` required; `rules` may be null (none). */
export const skillRuleCreateSchema = Type.Object({
  name: Type.String({ maxLength: 64 }),
  rules: Type.Optional(nullable(Type.Array(rule))),
});
export type SkillRuleCreate = Static<typeof skillRuleCreateSchema>;

/** PUT body: the fields it names change (`{}` changes nothing). */
export const skillRuleEditSchema = Type.Partial(skillRuleCreateSchema);
export type SkillRuleEdit = Static<typeof skillRuleEditSchema>;
