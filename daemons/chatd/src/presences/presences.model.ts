/**
 * A user's presence as Wazo's chatd shows it: one TypeBox schema for validation, serialization,
 * the OpenAPI document and the type.
 */
import { type Static, Type } from 'typebox';
import { PRESENCE_STATES } from '../db/schema.js';

const Uuid = Type.String({ format: 'uuid' });

const [AVAILABLE, AWAY, UNAVAILABLE, INVISIBLE] = PRESENCE_STATES;
export const PresenceStateSchema = Type.Union(
  [Type.Literal(AVAILABLE), Type.Literal(AWAY), Type.Literal(UNAVAILABLE), Type.Literal(INVISIBLE)],
  { description: 'Set by the user (PUT); never derived from calls or sessions.' },
);

export const LinePresence = Type.Object({
  id: Type.Integer(),
  state: Type.String({
    description: 'ringing, progressing, holding, talking, available or unavailable.',
  }),
});

export const Presence = Type.Object({
  uuid: Uuid,
  tenant_uuid: Uuid,
  state: PresenceStateSchema,
  status: Type.Union([Type.String(), Type.Null()], { description: 'Free text set by the user.' }),
  last_activity: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the user last set its presence (UTC).',
  }),
  line_state: Type.String({ description: 'The busiest of its lines, unavailable without lines.' }),
  lines: Type.Array(LinePresence),
  mobile: Type.Boolean({ description: 'A session or refresh token of a mobile application.' }),
  do_not_disturb: Type.Boolean({ description: "The user's DND service in wazo-confd." }),
  connected: Type.Boolean({ description: 'The user has at least one wazo-auth session.' }),
});
export type Presence = Static<typeof Presence>;

export const PresenceList = Type.Object({
  items: Type.Array(Presence),
  filtered: Type.Integer(),
  total: Type.Integer(),
});
export type PresenceList = Static<typeof PresenceList>;

/** PUT body: unknown keys are ignored, as Wazo's schema does. */
export const PresenceUpdate = Type.Object({
  state: PresenceStateSchema,
  status: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type PresenceUpdate = Static<typeof PresenceUpdate>;
