/**
 * An IVR (Wazo's `ivr`) as wazo-confd shows it: a tenant's voice menu (its sounds, how long it
 * waits for a digit and how many tries it gives), the destination of each choice (a digit string)
 * and of the invalid, timeout and abort cases, and the incoming calls that reach it.
 */
import { EXTEN_REGEX } from '../extensions/extensions.model.js';
import { incallRelationSchema } from '../incalls/incalls.model.js';
import type { Destination } from '../schedules/destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from '../schedules/destination-check.js';
import { linked, nullable, type Static, Type } from '../schema.js';

const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);
/** A destination or null, as an answer shows it (the anyOf of every type, or null). */
const nullableDestinationAnswer = Type.Unsafe<Destination | null>({
  anyOf: [...destinationAnswerJsonSchema.anyOf, { type: 'null' }],
});
const nullableDestinationInput = Type.Unsafe<Destination | null>({
  anyOf: [destinationJsonSchema, { type: 'null' }],
});

/** The events an IVR has a destination for, as `<event>_destination` fields. */
export const IVR_EVENTS = ['invalid', 'timeout', 'abort'] as const;
export type IvrEvent = (typeof IVR_EVENTS)[number];

/** A choice: the digits dialled and where they send the call (null once its target was deleted). */
const ivrChoiceSchema = Type.Object({ exten: Type.String(), destination: nullableDestinationAnswer });
export type IvrChoice = Static<typeof ivrChoiceSchema>;

const ivrFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  description: nullable(Type.String()),
  greeting_sound: nullable(Type.String()),
  menu_sound: Type.String(),
  invalid_sound: nullable(Type.String()),
  abort_sound: nullable(Type.String()),
  timeout: Type.Integer(),
  max_tries: Type.Integer(),
};
const fieldsSchema = Type.Object(ivrFields);
export type IvrFields = Static<typeof fieldsSchema>;

/** `GET /ivr/{id}`. */
export const ivrSchema = linked('ivr', {
  ...ivrFields,
  invalid_destination: nullableDestinationAnswer,
  timeout_destination: nullableDestinationAnswer,
  abort_destination: nullableDestinationAnswer,
  choices: Type.Array(ivrChoiceSchema),
  /** The incalls sending calls to the IVR, as Wazo shows them there (`id`, `extensions`, `links`). */
  incalls: Type.Array(incallRelationSchema),
});
export type Ivr = Static<typeof ivrSchema>;

const optional = Type.Optional;
const sound = optional(nullable(Type.String({ maxLength: 255 })));
const inputProperties = {
  name: Type.String({ maxLength: 128 }),
  description: optional(nullable(Type.String())),
  greeting_sound: sound,
  menu_sound: Type.String({ maxLength: 255 }),
  invalid_sound: sound,
  abort_sound: sound,
  timeout: optional(Type.Integer({ minimum: 0 })),
  max_tries: optional(Type.Integer({ minimum: 1 })),
  invalid_destination: optional(nullableDestinationInput),
  timeout_destination: optional(nullableDestinationInput),
  abort_destination: optional(nullableDestinationInput),
  choices: optional(
    Type.Array(
      Type.Object({ exten: Type.String({ pattern: EXTEN_REGEX.source }), destination: destinationInput }),
    ),
  ),
};

/** POST /ivr body: `name` and `menu_sound` are required. */
export const ivrCreateSchema = Type.Object(inputProperties);
export type IvrCreate = Static<typeof ivrCreateSchema>;

/** PUT /ivr/{id} body: what is given changes (choices are replaced as a whole), the rest stays. */
export const ivrEditSchema = Type.Object({
  ...inputProperties,
  name: optional(inputProperties.name),
  menu_sound: optional(inputProperties.menu_sound),
});
export type IvrEdit = Static<typeof ivrEditSchema>;

/** What the dao stores of an IVR's own fields. */
export type IvrRow = Omit<IvrFields, 'id'>;

/**
 * What the dao writes of an IVR: its fields; the destinations of the events given (null: none);
 * its choices in order, when given (they replace the old ones).
 */
export interface IvrWrite {
  row: IvrRow;
  destinations: Partial<Record<IvrEvent, Destination | null>>;
  choices?: { exten: string; destination: Destination }[];
}
