/**
 * A paging (Wazo's `paging`) as wazo-confd shows it: a number (unique across tenants) that rings
 * its members at once, callable by its callers, with its options; its members' and callers'
 * users (written by `PUT /pagings/{id}/members/users` and `.../callers/users`).
 */
import { linked, nullable, type Static, Type } from '../schema.js';

export const pagingUserSchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
  'uuid',
);
export type PagingUser = Static<typeof pagingUserSchema>;

const pagingFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  number: Type.String(),
  name: nullable(Type.String()),
  announce_caller: Type.Boolean(),
  announce_sound: nullable(Type.String()),
  caller_notification: Type.Boolean(),
  duplex: Type.Boolean(),
  ignore_forward: Type.Boolean(),
  record: Type.Boolean(),
  enabled: Type.Boolean(),
};
const fieldsSchema = Type.Object(pagingFields);
export type PagingFields = Static<typeof fieldsSchema>;

/** `GET /pagings/{id}`. */
export const pagingSchema = linked('pagings', {
  ...pagingFields,
  members: Type.Object({ users: Type.Array(pagingUserSchema) }),
  callers: Type.Object({ users: Type.Array(pagingUserSchema) }),
});
export type Paging = Static<typeof pagingSchema>;

const optional = Type.Optional;
const inputProperties = {
  /** Digits (Wazo's `isdigit` predicate, checked by the service). */
  number: Type.String({ maxLength: 32 }),
  name: optional(nullable(Type.String({ maxLength: 128 }))),
  announce_caller: optional(Type.Boolean()),
  announce_sound: optional(nullable(Type.String({ maxLength: 64 }))),
  caller_notification: optional(Type.Boolean()),
  duplex: optional(Type.Boolean()),
  ignore_forward: optional(Type.Boolean()),
  record: optional(Type.Boolean()),
  enabled: optional(Type.Boolean()),
};

/** POST /pagings body: `number` is required. */
export const pagingCreateSchema = Type.Object(inputProperties);
export type PagingCreate = Static<typeof pagingCreateSchema>;

/** PUT /pagings/{id} body: what is given changes. */
export const pagingEditSchema = Type.Object({ ...inputProperties, number: optional(inputProperties.number) });
export type PagingEdit = Static<typeof pagingEditSchema>;

/** Body of `PUT /pagings/{id}/members/users` and `.../callers/users`. */
export const pagingUsersSchema = Type.Object({
  users: Type.Array(Type.Object({ uuid: Type.String() })),
});
export type PagingUsers = Static<typeof pagingUsersSchema>;

export type PagingRow = Omit<PagingFields, 'id'>;

/** Whether a paging's user may call it (a caller) or is rung by it (a member). */
export type PagingRole = 'caller' | 'member';
