/**
 * The body of `POST /users` as Wazo's `UserListItemSchema` takes it: the user's own fields plus
 * the relations created with it (`auth`, `lines` with their `extensions` and endpoint, `groups`,
 * `forwards`, `voicemail`: a new one, or an existing one by `id`; `switchboards` it operates, by
 * uuid). Wazo's other relations (agent, incalls, a line's device) name resources this confd does
 * not have: they are refused when given, never silently dropped.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';
import {
  type GroupRefInput,
  lineCreateSchema,
  type UserForwardsUpdate,
  userCreateSchema,
  userForwardsSchema,
  voicemailEditSchema,
} from '@wazo-ts/dao';
import { AUTH_USER_PURPOSES } from '../common/auth-users.js';

/** Wazo's relations without a resource here: refused when present and not empty. */
export const UNSUPPORTED_RELATIONS = ['agent', 'incalls'] as const;

const optional = Type.Optional;
/**
 * Declared so they reach the user composite, which refuses them when not empty: request bodies
 * keep only declared keys, and these must never be dropped silently.
 */
const refused = () => optional(Type.Unknown({ description: 'Not supported here: 400 when not empty.' }));
const text = (options: Record<string, unknown> = {}) => optional(Nullable(Type.String(options)));

/** `auth`: wazo-auth's user; absent fields are taken from the user's (Wazo's `init_auth`). */
const authSchema = Type.Object({
  username: text({ minLength: 1, maxLength: 256 }),
  password: text({ minLength: 1 }),
  firstname: text(),
  lastname: text(),
  email_address: text({ format: 'email' }),
  enabled: optional(Type.Boolean()),
  purpose: optional(StringEnum(AUTH_USER_PURPOSES)),
});
export type UserAuthInput = Static<typeof authSchema>;

const lineSchema = Type.Object({
  ...lineCreateSchema.properties,
  device_id: refused(),
  extensions: optional(
    Type.Array(Type.Object({ exten: Type.String({ maxLength: 40 }), context: Type.String() })),
  ),
});
export type UserLineInput = Static<typeof lineSchema>;

// Looser than `PUT /users/{id}/groups` (any uuid text), as Wazo's user create is.
const groupRefSchema = Type.Unsafe<GroupRefInput>(
  Type.Object(
    { id: optional(Type.Integer()), uuid: optional(Type.String({ maxLength: 40 })) },
    { anyOf: [{ required: ['uuid'] }, { required: ['id'] }] },
  ),
);

/**
 * `voicemail` (Wazo's `UserVoicemailSchema`): an existing voicemail by `id`, or a new one whose
 * `name` defaults to the user's name; `number` and `context` are then required by the create.
 */
const voicemailSchema = Type.Object({
  id: optional(Type.Integer()),
  ...voicemailEditSchema.properties,
});
export type UserVoicemailInput = Static<typeof voicemailSchema>;

export const userCreateBodySchema = Type.Object({
  ...userCreateSchema.properties,
  auth: optional(Nullable(authSchema)),
  lines: optional(Nullable(Type.Array(lineSchema))),
  groups: optional(Nullable(Type.Array(groupRefSchema))),
  forwards: optional(Nullable(Type.Unsafe<UserForwardsUpdate>(userForwardsSchema))),
  voicemail: optional(Nullable(voicemailSchema)),
  agent: refused(),
  incalls: refused(),
  switchboards: optional(Nullable(Type.Array(Type.Object({ uuid: Type.String({ maxLength: 40 }) })))),
});
export type UserCreateBody = Static<typeof userCreateBodySchema>;
