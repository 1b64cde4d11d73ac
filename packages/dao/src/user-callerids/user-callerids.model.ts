/** A caller id a user may present on outgoing calls (`GET /users/{id}/callerids/outgoing`). */
import { type Static, stringEnum, Type } from '../schema.js';

export const CALLER_ID_TYPES = ['main', 'associated', 'shared', 'anonymous'] as const;

/** `anonymous` carries only its type, as Wazo dumps it. */
export const outgoingCallerIdSchema = Type.Object({
  type: stringEnum(CALLER_ID_TYPES),
  number: Type.Optional(Type.String()),
  caller_id_name: Type.Optional(Type.String()),
});
export type OutgoingCallerId = Static<typeof outgoingCallerIdSchema>;
