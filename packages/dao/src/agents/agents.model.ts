/**
 * Agents and skills as wazo-confd shows them: an agent (`/agents`) with its queues, skills and
 * users; a skill (`/agents/skills`) with its agents and their weight; the create and edit bodies.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

const text = () => nullable(Type.String());

export const agentQueueSchema = linked('queues', {
  penalty: Type.Integer(),
  id: Type.Integer(),
  name: Type.String(),
  label: text(),
});
export const agentSkillSummarySchema = linked('skills', {
  skill_weight: Type.Integer(),
  id: Type.Integer(),
  name: Type.String(),
});
export const agentUserSchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: text() },
  'uuid',
);

const agentFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  number: Type.String(),
  firstname: text(),
  lastname: text(),
  password: text(),
  language: text(),
  preprocess_subroutine: text(),
  description: text(),
};
const agentFieldsSchema = Type.Object(agentFields);
export type AgentFields = Static<typeof agentFieldsSchema>;

/** `GET /agents/{id}`. */
export const agentSchema = linked('agents', {
  ...agentFields,
  queues: Type.Array(agentQueueSchema),
  skills: Type.Array(agentSkillSummarySchema),
  users: Type.Array(agentUserSchema),
});
export type Agent = Static<typeof agentSchema>;

const optional = Type.Optional;
const editable = {
  firstname: optional(nullable(Type.String({ maxLength: 128 }))),
  lastname: optional(nullable(Type.String({ maxLength: 128 }))),
  password: optional(nullable(Type.String({ maxLength: 128 }))),
  language: optional(nullable(Type.String({ maxLength: 20 }))),
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  description: optional(nullable(Type.String())),
};

/**
 * `POST /agents`: a number (digits, `*`, `#`), unique in the tenant; `queues` makes the new agent
 * a member of each (its penalty and priority, 0 when absent), as Wazo's agent middleware does.
 */
export const agentCreateSchema = Type.Object({
  number: Type.String({ pattern: '^[0-9*#]{1,40}$' }),
  ...editable,
  queues: optional(
    Type.Array(
      Type.Object({
        id: Type.Integer(),
        penalty: optional(Type.Integer({ minimum: 0 })),
        priority: optional(Type.Integer({ minimum: 0 })),
      }),
    ),
  ),
});
export type AgentCreate = Static<typeof agentCreateSchema>;

/** `PUT /agents/{id}`: what is given changes; the number cannot (Wazo's dump-only on PUT). */
export const agentEditSchema = Type.Object(editable);
export type AgentEdit = Static<typeof agentEditSchema>;
export const AGENT_EDITABLE = Object.keys(editable) as (keyof AgentEdit)[];

export const skillAgentSchema = linked('agents', {
  skill_weight: Type.Integer(),
  id: Type.Integer(),
  number: Type.String(),
  firstname: text(),
  lastname: text(),
});

const skillFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  description: text(),
};
const skillFieldsSchema = Type.Object(skillFields);
export type SkillFields = Static<typeof skillFieldsSchema>;

/** `GET /agents/skills/{id}`. */
export const skillSchema = linked('skills', { ...skillFields, agents: Type.Array(skillAgentSchema) });
export type Skill = Static<typeof skillSchema>;

const skillName = Type.String({ pattern: '^[-_.a-zA-Z0-9]+$', maxLength: 64 });
/** `POST /agents/skills`. */
export const skillCreateSchema = Type.Object({
  name: skillName,
  description: optional(nullable(Type.String())),
});
export type SkillCreate = Static<typeof skillCreateSchema>;
/** `PUT /agents/skills/{id}`: what is given changes. */
export const skillEditSchema = Type.Object({
  name: optional(skillName),
  description: optional(nullable(Type.String())),
});
export type SkillEdit = Static<typeof skillEditSchema>;

/** `PUT /agents/{id}/skills/{skill_id}`: the weight, 0 when absent. */
export const agentSkillBodySchema = Type.Object({
  skill_weight: optional(Type.Integer({ minimum: 0 })),
});
export type AgentSkillBody = Static<typeof agentSkillBodySchema>;
