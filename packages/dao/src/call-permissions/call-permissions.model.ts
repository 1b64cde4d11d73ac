/**
 * A call permission (Wazo's `rightcall`) as wazo-confd shows it: a tenant's named rule that
 * allows or denies calls to a list of extension patterns, optionally behind a password, with the
 * users, groups and outcalls it applies to (read-only; they are linked by their own routes).
 */
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const CALL_PERMISSION_MODES = ['allow', 'deny'] as const;
export const CALL_PERMISSION_PASSWORD_PATTERN = '^[0-9#*]{1,40}$';
// Wazo's patterns, written so that they compile in Unicode mode too (no needless escapes).
export const CALL_PERMISSION_EXTENSION_PATTERN = '^(?:_?\\+?[0-9NXZ*#\\-\\[\\]]+[.!]?){1,40}$';

const relationFields = {
  users: Type.Array(
    linked(
      'users',
      { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
      'uuid',
    ),
  ),
  groups: Type.Array(
    linked('groups', { uuid: Type.String(), id: Type.Integer(), name: Type.String() }, 'uuid'),
  ),
  /** Outcalls are not built yet: always empty. */
  outcalls: Type.Array(linked('outcalls', { id: Type.Integer(), name: Type.String() })),
};
const relationsSchema = Type.Object(relationFields);
export type CallPermissionRelations = Static<typeof relationsSchema>;

const callPermissionFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  password: nullable(Type.String()),
  mode: stringEnum(CALL_PERMISSION_MODES),
  extensions: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  description: nullable(Type.String()),
};
const fieldsSchema = Type.Object(callPermissionFields);
export type CallPermissionFields = Static<typeof fieldsSchema>;

/** `GET /callpermissions/{id}`. */
export const callPermissionSchema = linked('callpermissions', { ...callPermissionFields, ...relationFields });
export type CallPermission = Static<typeof callPermissionSchema>;

const optional = Type.Optional;
const inputProperties = {
  name: Type.String({ minLength: 1, maxLength: 128 }),
  password: optional(nullable(Type.String({ pattern: CALL_PERMISSION_PASSWORD_PATTERN }))),
  mode: optional(stringEnum(CALL_PERMISSION_MODES)),
  extensions: optional(Type.Array(Type.String({ pattern: CALL_PERMISSION_EXTENSION_PATTERN }))),
  enabled: optional(Type.Boolean()),
  description: optional(nullable(Type.String())),
};

/** POST /callpermissions body: only `name` is required. */
export const callPermissionCreateSchema = Type.Object(inputProperties);
export type CallPermissionCreate = Static<typeof callPermissionCreateSchema>;

/** PUT /callpermissions/{id} body: what is given changes, the rest stays (Wazo loads it partially). */
export const callPermissionEditSchema = Type.Object({
  ...inputProperties,
  name: optional(inputProperties.name),
});
export type CallPermissionEdit = Static<typeof callPermissionEditSchema>;

/** What the dao stores. */
export type CallPermissionRow = Omit<CallPermissionFields, 'id'>;
