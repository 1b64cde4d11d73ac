/**
 * The body of `POST /users` as Wazo's `UserListItemSchema` takes it: the user's own fields plus
 * the relations created with it (`auth`, `lines` with their `extensions` and endpoint, `groups`,
 * `forwards`, `voicemail`: a new one, or an existing one by `id`; `switchboards` it operates, by
 * uuid; a line's `device_id`; `agent`, a new agent for the user; `incalls`, the incall numbers
 * reaching it, each extension by `id` or by `exten` and `context`).
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';
import {
  agentCreateSchema,
  type GroupRefInput,
  lineCreateSchema,
  type UserForwardsUpdate,
  userCreateSchema,
  userForwardsSchema,
  voicemailEditSchema,
} from '@wazo-ts/dao';
import { AUTH_USER_PURPOSES } from '../common/auth-users.js';

const optional = Type.Optional;
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
  /** A device (by id) the new line is put on. */
  device_id: optional(Nullable(Type.String({ maxLength: 255 }))),
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

/**
 * `agent` (Wazo's `UserAgentSchema`): a new agent for the user, its fields as `POST /agents`'s;
 * an absent `number` is the exten of the first line's first extension, absent names the user's.
 */
const agentSchema = Type.Object({
  ...agentCreateSchema.properties,
  number: optional(agentCreateSchema.properties.number),
});
export type UserAgentInput = Static<typeof agentSchema>;

/**
 * An entry of `incalls` (Wazo's `UserIncallSchema`): its numbers, each an existing extension by
 * `id` or one by `exten` and `context` (made when it does not exist, its incall context given a
 * range for it when none holds it); each number's incall (made when it has none) then sends its
 * calls to the user. Wazo takes and ignores the incall's own fields here; so does this.
 */
const incallSchema = Type.Object({
  preprocess_subroutine: optional(Nullable(Type.String({ maxLength: 79 }))),
  greeting_sound: optional(Nullable(Type.String({ maxLength: 255 }))),
  caller_id_mode: optional(Nullable(StringEnum(['prepend', 'overwrite', 'append']))),
  caller_id_name: optional(Nullable(Type.String({ maxLength: 80 }))),
  description: optional(Nullable(Type.String())),
  extensions: optional(
    Type.Array(
      Type.Object({
        id: optional(Type.Integer()),
        exten: optional(Type.String({ maxLength: 40 })),
        context: optional(Type.String()),
      }),
    ),
  ),
});
export type UserIncallInput = Static<typeof incallSchema>;

export const userCreateBodySchema = Type.Object({
  ...userCreateSchema.properties,
  auth: optional(Nullable(authSchema)),
  lines: optional(Nullable(Type.Array(lineSchema))),
  groups: optional(Nullable(Type.Array(groupRefSchema))),
  forwards: optional(Nullable(Type.Unsafe<UserForwardsUpdate>(userForwardsSchema))),
  voicemail: optional(Nullable(voicemailSchema)),
  agent: optional(Nullable(agentSchema)),
  incalls: optional(Nullable(Type.Array(incallSchema))),
  switchboards: optional(Nullable(Type.Array(Type.Object({ uuid: Type.String({ maxLength: 40 }) })))),
});
export type UserCreateBody = Static<typeof userCreateBodySchema>;
