/**
 * A user's call services as wazo-confd answers `GET /users/{id}/services`: do-not-disturb and the
 * incoming call filter (boss-secretary), each on or off.
 */
export const USER_SERVICE_NAMES = ['dnd', 'incallfilter'] as const;
export type UserServiceName = (typeof USER_SERVICE_NAMES)[number];

export interface UserService {
  enabled: boolean;
}

export type UserServices = Record<UserServiceName, UserService>;

/** `PUT /users/{id}/services`: the services given are set, the others kept. */
export type UserServicesUpdate = Partial<UserServices>;

/** `PUT /users/{id}/services/{name}`: `enabled` is required. */
export const userServiceSchema = {
  type: 'object',
  properties: { enabled: { type: 'boolean' } },
  required: ['enabled'],
} as const;

export const userServicesSchema = {
  type: 'object',
  properties: { dnd: userServiceSchema, incallfilter: userServiceSchema },
} as const;
