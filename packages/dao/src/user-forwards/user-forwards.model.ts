/**
 * A user's call forwards as wazo-confd answers `GET /users/{id}/forwards`: on busy, on no answer
 * and unconditional, each with its on/off switch and destination number.
 */
export const USER_FORWARD_NAMES = ['busy', 'noanswer', 'unconditional'] as const;
export type UserForwardName = (typeof USER_FORWARD_NAMES)[number];

export interface UserForward {
  enabled: boolean;
  destination: string | null;
}

export type UserForwards = Record<UserForwardName, UserForward>;

/** `PUT /users/{id}/forwards/{name}`: the fields given are set, the others kept. */
export type UserForwardUpdate = Partial<UserForward>;

/** `PUT /users/{id}/forwards`: the forwards given are updated, the others kept. */
export type UserForwardsUpdate = Partial<Record<UserForwardName, UserForwardUpdate>>;

export const userForwardSchema = {
  type: 'object',
  properties: {
    enabled: { type: 'boolean' },
    destination: { type: ['string', 'null'], maxLength: 128 },
  },
} as const;

export const userForwardsSchema = {
  type: 'object',
  properties: { busy: userForwardSchema, noanswer: userForwardSchema, unconditional: userForwardSchema },
} as const;
