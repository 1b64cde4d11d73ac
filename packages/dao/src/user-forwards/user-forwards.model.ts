/**
 * A user's call forwards as wazo-confd answers `GET /users/{id}/forwards`: on busy, on no answer
 * and unconditional, each with its on/off switch and destination number. Bodies and answers are
 * written once here, their types derived.
 */
import { nullable, type Static, Type } from '../schema.js';

export const USER_FORWARD_NAMES = ['busy', 'noanswer', 'unconditional'] as const;
export type UserForwardName = (typeof USER_FORWARD_NAMES)[number];

/** One forward as answered. */
export const userForwardAnswerSchema = Type.Object({
  enabled: Type.Boolean(),
  destination: nullable(Type.String()),
});
export type UserForward = Static<typeof userForwardAnswerSchema>;

/** `GET /users/{id}/forwards`, and the `forwards` of a user. */
export const userForwardsAnswerSchema = Type.Object({
  busy: userForwardAnswerSchema,
  noanswer: userForwardAnswerSchema,
  unconditional: userForwardAnswerSchema,
});
export type UserForwards = Static<typeof userForwardsAnswerSchema>;

/** `PUT /users/{id}/forwards/{name}`: the fields given are set, the others kept. */
export const userForwardSchema = Type.Object({
  enabled: Type.Optional(Type.Boolean()),
  destination: Type.Optional(nullable(Type.String({ maxLength: 128 }))),
});
export type UserForwardUpdate = Static<typeof userForwardSchema>;

/** `PUT /users/{id}/forwards`: the forwards given are updated, the others kept. */
export const userForwardsSchema = Type.Object({
  busy: Type.Optional(userForwardSchema),
  noanswer: Type.Optional(userForwardSchema),
  unconditional: Type.Optional(userForwardSchema),
});
export type UserForwardsUpdate = Static<typeof userForwardsSchema>;
