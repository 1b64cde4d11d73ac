/**
 * An outcall as wazo-confd shows it (`/outcalls`): a tenant's outgoing route, named uniquely on
 * the platform, with the trunks it tries in order, the extensions (dial patterns) that select
 * it with how each rewrites the number, and its schedules and call permissions (read-only here;
 * their own routes write them).
 */

import { linked, nullable, type Static, Type } from '../schema.js';
import { trunkEndpointCustomSchema, trunkEndpointSipSchema } from '../trunks/trunks.model.js';

export const outcallTrunkSchema = linked('trunks', {
  tenant_uuid: Type.String(),
  id: Type.Integer(),
  endpoint_sip: nullable(trunkEndpointSipSchema),
  endpoint_custom: nullable(trunkEndpointCustomSchema),
});
export type OutcallTrunk = Static<typeof outcallTrunkSchema>;

/** An extension of the outcall, with its dial pattern's fields. */
export const outcallExtensionSchema = linked('extensions', {
  id: Type.Integer(),
  exten: Type.String(),
  context: Type.String(),
  external_prefix: nullable(Type.String()),
  prefix: nullable(Type.String()),
  strip_digits: nullable(Type.Integer()),
  caller_id: nullable(Type.String()),
});
export type OutcallExtension = Static<typeof outcallExtensionSchema>;

const tenantRef = (rel: string) =>
  linked(rel, { tenant_uuid: Type.String(), id: Type.Integer(), name: nullable(Type.String()) });

const outcallFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  internal_caller_id: Type.Boolean(),
  preprocess_subroutine: nullable(Type.String()),
  ring_time: nullable(Type.Integer()),
  description: nullable(Type.String()),
  enabled: Type.Boolean(),
};
const fieldsSchema = Type.Object(outcallFields);
export type OutcallFields = Static<typeof fieldsSchema>;

/** `GET /outcalls/{id}`. */
export const outcallSchema = linked('outcalls', {
  ...outcallFields,
  trunks: Type.Array(outcallTrunkSchema),
  extensions: Type.Array(outcallExtensionSchema),
  schedules: Type.Array(tenantRef('schedules')),
  call_permissions: Type.Array(tenantRef('callpermissions')),
});
export type Outcall = Static<typeof outcallSchema>;

const optional = Type.Optional;
const inputProperties = {
  name: Type.String({ maxLength: 128 }),
  internal_caller_id: optional(Type.Boolean()),
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  ring_time: optional(nullable(Type.Integer({ minimum: 0 }))),
  description: optional(nullable(Type.String())),
  enabled: optional(Type.Boolean()),
};

/** `POST /outcalls` body: `name` is required. */
export const outcallCreateSchema = Type.Object(inputProperties);
export type OutcallCreate = Static<typeof outcallCreateSchema>;

/** `PUT /outcalls/{id}` body: what is given changes, the rest stays. */
export const outcallEditSchema = Type.Object({ ...inputProperties, name: optional(inputProperties.name) });
export type OutcallEdit = Static<typeof outcallEditSchema>;

/** What the dao writes. */
export type OutcallRow = Omit<OutcallFields, 'id'>;

/** `PUT /outcalls/{id}/trunks` body: the trunks, in the order they are tried. */
export const outcallTrunksSchema = Type.Object({
  trunks: Type.Array(Type.Object({ id: Type.Integer() })),
});
export type OutcallTrunks = Static<typeof outcallTrunksSchema>;

/** Wazo's `EXTERNAL_PREFIX_REGEX` and `PREFIX_REGEX` (re.match: anchored at the start). */
const PREFIX_PATTERN = '^(?:\\+|\\+?[0-9#*]+$)';

/** `PUT /outcalls/{id}/extensions/{extension_id}` body: how the outcall rewrites the number. */
export const outcallExtensionBodySchema = Type.Object({
  caller_id: optional(nullable(Type.String({ maxLength: 80 }))),
  external_prefix: optional(nullable(Type.String({ maxLength: 64, pattern: PREFIX_PATTERN }))),
  prefix: optional(nullable(Type.String({ maxLength: 32, pattern: PREFIX_PATTERN }))),
  strip_digits: optional(Type.Integer({ minimum: 0 })),
});
export type OutcallExtensionBody = Static<typeof outcallExtensionBodySchema>;

/** A dial pattern as the dao writes it. */
export interface OutcallExtensionRecord {
  caller_id: string | null;
  external_prefix: string | null;
  prefix: string | null;
  strip_digits: number | null;
}
