/**
 * An incall (Wazo's `incall`) as wazo-confd shows it: a tenant's inbound route, with where its
 * calls go (`destination`, any destination type, `{type: none}` once its target is deleted), a
 * caller id change, a preprocess subroutine, a greeting and a description; its extension (the
 * DID, in an `incall` context) and its schedule are read-only here (their own routes write them).
 */
import type { Destination } from '../schedules/destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from '../schedules/destination-check.js';
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const INCALL_CALLER_ID_MODES = ['prepend', 'overwrite', 'append'] as const;

const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);
const destinationAnswer = Type.Unsafe<Destination>(destinationAnswerJsonSchema);

/** An extension in an incall's `extensions`. */
export const incallExtensionSummarySchema = linked('extensions', {
  id: Type.Integer(),
  exten: Type.String(),
  context: Type.String(),
});
export type IncallExtensionSummary = Static<typeof incallExtensionSummarySchema>;

/** A schedule in an incall's `schedules`. */
export const incallScheduleSummarySchema = linked('schedules', {
  id: Type.Integer(),
  name: nullable(Type.String()),
});
export type IncallScheduleSummary = Static<typeof incallScheduleSummarySchema>;

const incallFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  preprocess_subroutine: nullable(Type.String()),
  greeting_sound: nullable(Type.String()),
  caller_id_mode: nullable(stringEnum(INCALL_CALLER_ID_MODES)),
  caller_id_name: nullable(Type.String()),
  description: nullable(Type.String()),
};
const fieldsSchema = Type.Object(incallFields);
export type IncallFields = Static<typeof fieldsSchema>;

/** `GET /incalls/{id}`. */
export const incallSchema = linked('incalls', {
  ...incallFields,
  destination: destinationAnswer,
  extensions: Type.Array(incallExtensionSummarySchema),
  schedules: Type.Array(incallScheduleSummarySchema),
});
export type Incall = Static<typeof incallSchema>;

/** An incall as other resources show it (a user's, a group's `incalls`): its id and extensions. */
export const incallRelationSchema = linked('incalls', {
  id: Type.Integer(),
  extensions: Type.Array(incallExtensionSummarySchema),
});
export type IncallRelation = Static<typeof incallRelationSchema>;

const optional = Type.Optional;
const inputProperties = {
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  greeting_sound: optional(nullable(Type.String({ maxLength: 255 }))),
  caller_id_mode: optional(nullable(stringEnum(INCALL_CALLER_ID_MODES))),
  caller_id_name: optional(nullable(Type.String({ maxLength: 80 }))),
  description: optional(nullable(Type.String())),
  destination: destinationInput,
};

/** POST /incalls body: only `destination` is required. */
export const incallCreateSchema = Type.Object(inputProperties);
export type IncallCreate = Static<typeof incallCreateSchema>;

/** PUT /incalls/{id} body: what is given changes, the rest stays (Wazo loads it partially). */
export const incallEditSchema = Type.Object({
  ...inputProperties,
  destination: optional(inputProperties.destination),
});
export type IncallEdit = Static<typeof incallEditSchema>;

/** What the dao stores: the incall's own columns; its destination is written beside them. */
export type IncallRow = Omit<IncallFields, 'id'>;
