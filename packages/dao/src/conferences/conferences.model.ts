/**
 * A conference (Wazo's `conference`, a ConfBridge room) as wazo-confd shows it: a tenant's room
 * with its pins, size, recording, announcements and music on hold; its extension (at most one,
 * written by `PUT /conferences/{id}/extensions/{id}`) and the incalls sending calls to it
 * (incalls are not served by wazo-ts yet: always empty).
 */
import { incallRelationSchema } from '../incalls/incalls.model.js';
import { linked, nullable, type Static, Type } from '../schema.js';

/** An extension as a conference, a parking lot or an incall lists it. */
export const ownedExtensionSchema = linked('extensions', {
  id: Type.Integer(),
  exten: Type.String(),
  context: Type.String(),
});
export type OwnedExtension = Static<typeof ownedExtensionSchema>;

const conferenceFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  preprocess_subroutine: nullable(Type.String()),
  max_users: Type.Integer(),
  record: Type.Boolean(),
  pin: nullable(Type.String()),
  admin_pin: nullable(Type.String()),
  quiet_join_leave: Type.Boolean(),
  announce_join_leave: Type.Boolean(),
  announce_user_count: Type.Boolean(),
  announce_only_user: Type.Boolean(),
  music_on_hold: nullable(Type.String()),
};
const fieldsSchema = Type.Object(conferenceFields);
export type ConferenceFields = Static<typeof fieldsSchema>;

/** `GET /conferences/{id}`. */
export const conferenceSchema = linked('conferences', {
  ...conferenceFields,
  extensions: Type.Array(ownedExtensionSchema),
  incalls: Type.Array(incallRelationSchema),
});
export type Conference = Static<typeof conferenceSchema>;

const optional = Type.Optional;

/** POST /conferences and PUT /conferences/{id} body: every field optional (Wazo loads it partially on PUT). */
export const conferenceInputSchema = Type.Object({
  name: optional(nullable(Type.String({ maxLength: 128 }))),
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  max_users: optional(Type.Integer({ minimum: 0 })),
  record: optional(Type.Boolean()),
  /** Digits only (Wazo's `isdigit` predicate, checked by the validator). */
  pin: optional(nullable(Type.String({ maxLength: 80 }))),
  admin_pin: optional(nullable(Type.String({ maxLength: 80 }))),
  quiet_join_leave: optional(Type.Boolean()),
  announce_join_leave: optional(Type.Boolean()),
  announce_user_count: optional(Type.Boolean()),
  announce_only_user: optional(Type.Boolean()),
  music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
});
export type ConferenceInput = Static<typeof conferenceInputSchema>;

/** What the dao stores. */
export type ConferenceRow = Omit<ConferenceFields, 'id'>;
