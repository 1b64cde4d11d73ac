/**
 * A user's call services as wazo-confd answers `GET /users/{id}/services`: do-not-disturb and the
 * incoming call filter (boss-secretary), each on or off. Bodies and answers are written once here,
 * their types derived.
 */
import { type Static, Type } from '../schema.js';

export const USER_SERVICE_NAMES = ['dnd', 'incallfilter'] as const;
export type UserServiceName = (typeof USER_SERVICE_NAMES)[number];

/** One service as answered, and `PUT /users/{id}/services/{name}`'s body: `enabled` is required. */
export const userServiceSchema = Type.Object({ enabled: Type.Boolean() });
export type UserService = Static<typeof userServiceSchema>;

/** `GET /users/{id}/services`, and the `services` of a user. */
export const userServicesAnswerSchema = Type.Object({
  dnd: userServiceSchema,
  incallfilter: userServiceSchema,
});
export type UserServices = Static<typeof userServicesAnswerSchema>;

/** `PUT /users/{id}/services`: the services given are set, the others kept. */
export const userServicesSchema = Type.Object({
  dnd: Type.Optional(userServiceSchema),
  incallfilter: Type.Optional(userServiceSchema),
});
export type UserServicesUpdate = Static<typeof userServicesSchema>;
