/**
 * A call pickup as wazo-confd shows it (`/callpickups`, Wazo's `pickup`): a named pickup group,
 * enabled or not, whose interceptors (users, and the members of groups) may pick up the ringing
 * calls of its targets (users, and the members of groups). Members are read-only here: their own
 * routes write them. Wazo shows members without links.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

const optional = Type.Optional;

const userMemberSchema = Type.Object({
  uuid: Type.String(),
  firstname: Type.String(),
  lastname: nullable(Type.String()),
});
const groupMemberSchema = Type.Object({ id: Type.Integer(), name: Type.String() });
export type CallPickupUser = Static<typeof userMemberSchema>;
export type CallPickupGroup = Static<typeof groupMemberSchema>;

const membersSchema = Type.Object({
  groups: Type.Array(groupMemberSchema),
  users: Type.Array(userMemberSchema),
});
export type CallPickupMembers = Static<typeof membersSchema>;

const callPickupFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  description: nullable(Type.String()),
  enabled: Type.Boolean(),
};
const fieldsSchema = Type.Object(callPickupFields);
export type CallPickupFields = Static<typeof fieldsSchema>;

/** `GET /callpickups/{id}`. */
export const callPickupSchema = linked('callpickups', {
  ...callPickupFields,
  interceptors: membersSchema,
  targets: membersSchema,
});
export type CallPickup = Static<typeof callPickupSchema>;

const inputProperties = {
  name: Type.String({ maxLength: 128 }),
  description: optional(nullable(Type.String())),
  enabled: optional(Type.Boolean()),
};

/** POST /callpickups body: only `name` is required. */
export const callPickupCreateSchema = Type.Object(inputProperties);
export type CallPickupCreate = Static<typeof callPickupCreateSchema>;

/** PUT /callpickups/{id} body: what is given changes, the rest stays. */
export const callPickupEditSchema = Type.Object({ ...inputProperties, name: optional(inputProperties.name) });
export type CallPickupEdit = Static<typeof callPickupEditSchema>;

/** Body of `PUT /callpickups/{id}/interceptors|targets/users`. */
export const callPickupUsersSchema = Type.Object({
  users: Type.Array(Type.Object({ uuid: Type.String() })),
});
export type CallPickupUsers = Static<typeof callPickupUsersSchema>;

/** Body of `PUT /callpickups/{id}/interceptors|targets/groups`. */
export const callPickupGroupsSchema = Type.Object({
  groups: Type.Array(Type.Object({ id: Type.Integer() })),
});
export type CallPickupGroups = Static<typeof callPickupGroupsSchema>;

/** Which side of a pickup a member is on: who picks up (Wazo's `member`), whose calls (`pickup`). */
export type CallPickupRole = 'interceptor' | 'target';

/** What the dao stores. */
export type CallPickupRow = Omit<CallPickupFields, 'id'>;
