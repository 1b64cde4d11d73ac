/**
 * Fallbacks as wazo-confd shows them: where a call to a user or a group goes on each event
 * (`noanswer_destination`...), a destination or null. Users have four events, groups two, call
 * filters one. A PUT
 * replaces them all: an event left out or null has no fallback afterwards.
 */
import { type Static, type TSchema, Type } from 'typebox';
import type { Destination } from '../schedules/destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from '../schedules/destination-check.js';

export const USER_FALLBACK_EVENTS = ['noanswer', 'busy', 'congestion', 'fail'] as const;
export const GROUP_FALLBACK_EVENTS = ['noanswer', 'congestion'] as const;
export const CALL_FILTER_FALLBACK_EVENTS = ['noanswer'] as const;

const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);
const destinationAnswer = Type.Unsafe<Destination>(destinationAnswerJsonSchema);

function fieldsOf<T extends TSchema>(events: readonly string[], field: () => T) {
  return Object.fromEntries(events.map((event) => [`${event}_destination`, field()]));
}

/** The body of `PUT .../fallbacks`: every field optional, a destination or null. */
const inputOf = (events: readonly string[]) =>
  Type.Object(fieldsOf(events, () => Type.Optional(Type.Union([destinationInput, Type.Null()]))));

/** The answer of `GET .../fallbacks`: every field present. */
const answerOf = (events: readonly string[]) =>
  Type.Object(fieldsOf(events, () => Type.Union([destinationAnswer, Type.Null()])));

export const userFallbacksInputSchema = inputOf(USER_FALLBACK_EVENTS);
export const userFallbacksSchema = answerOf(USER_FALLBACK_EVENTS);
export const groupFallbacksInputSchema = inputOf(GROUP_FALLBACK_EVENTS);
export const groupFallbacksSchema = answerOf(GROUP_FALLBACK_EVENTS);
export const callFilterFallbacksInputSchema = inputOf(CALL_FILTER_FALLBACK_EVENTS);
export const callFilterFallbacksSchema = answerOf(CALL_FILTER_FALLBACK_EVENTS);

/** `{noanswer_destination: {...} | null, ...}`, the fields of the owner's kind. */
export type Fallbacks = Record<string, Destination | null>;
export type FallbacksInput = Static<typeof userFallbacksInputSchema>;
export const QUEUE_FALLBACK_EVENTS = ['noanswer', 'busy', 'congestion', 'fail'] as const;
export const queueFallbacksInputSchema = inputOf(QUEUE_FALLBACK_EVENTS);
export const queueFallbacksSchema = answerOf(QUEUE_FALLBACK_EVENTS);
