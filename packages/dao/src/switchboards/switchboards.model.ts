/**
 * A switchboard as wazo-confd shows it (`/switchboards`, keyed by uuid): a tenant's named queue
 * of calls answered by its operators (`members.users`), with the time a call may wait
 * (`timeout`, null: no limit), the music-on-hold class names of the queue and of the waiting
 * room, the incalls sending calls to it and its no-answer fallback. Relations are read-only
 * here: their own routes write them.
 */

import { incallRelationSchema } from '../incalls/incalls.model.js';
import type { Destination } from '../schedules/destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from '../schedules/destination-check.js';
import { linked, nullable, type Static, Type } from '../schema.js';

const optional = Type.Optional;

/** An operator in `members.users`. */
export const switchboardMemberSchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
  'uuid',
);
export type SwitchboardMember = Static<typeof switchboardMemberSchema>;

/** An incall in `incalls`: Wazo shows its id and extensions. */
export const switchboardIncallSchema = incallRelationSchema;

const destinationAnswer = Type.Unsafe<Destination>(destinationAnswerJsonSchema);
const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);

/** `GET /switchboards/{uuid}/fallbacks` and a switchboard's `fallbacks`. */
export const switchboardFallbacksSchema = Type.Object({
  noanswer_destination: Type.Union([destinationAnswer, Type.Null()]),
});
export type SwitchboardFallbacks = Static<typeof switchboardFallbacksSchema>;

/** `PUT /switchboards/{uuid}/fallbacks`: the destination, or null or absent for none. */
export const switchboardFallbacksInputSchema = Type.Object({
  noanswer_destination: optional(Type.Union([destinationInput, Type.Null()])),
});
export type SwitchboardFallbacksInput = Static<typeof switchboardFallbacksInputSchema>;

const switchboardFields = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  timeout: nullable(Type.Integer()),
  queue_music_on_hold: nullable(Type.String()),
  waiting_room_music_on_hold: nullable(Type.String()),
};
const fieldsSchema = Type.Object(switchboardFields);
export type SwitchboardFields = Static<typeof fieldsSchema>;

/** `GET /switchboards/{uuid}`. */
export const switchboardSchema = linked(
  'switchboards',
  {
    ...switchboardFields,
    incalls: Type.Array(switchboardIncallSchema),
    members: Type.Object({ users: Type.Array(switchboardMemberSchema) }),
    fallbacks: switchboardFallbacksSchema,
  },
  'uuid',
);
export type Switchboard = Static<typeof switchboardSchema>;

const inputProperties = {
  name: Type.String({ maxLength: 128 }),
  timeout: optional(nullable(Type.Integer({ minimum: 1 }))),
  queue_music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
  waiting_room_music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
};

/** POST /switchboards body: only `name` is required. */
export const switchboardCreateSchema = Type.Object(inputProperties);
export type SwitchboardCreate = Static<typeof switchboardCreateSchema>;

/** PUT /switchboards/{uuid} body: what is given changes, the rest stays (Wazo loads it partially). */
export const switchboardEditSchema = Type.Object({
  ...inputProperties,
  name: optional(inputProperties.name),
});
export type SwitchboardEdit = Static<typeof switchboardEditSchema>;

/** Body of `PUT /switchboards/{uuid}/members/users`: the operators, by uuid. */
export const switchboardMemberUsersSchema = Type.Object({
  users: Type.Array(Type.Object({ uuid: Type.String() })),
});
export type SwitchboardMemberUsers = Static<typeof switchboardMemberUsersSchema>;

/** What the dao stores. */
export type SwitchboardRow = Omit<SwitchboardFields, 'uuid'>;
