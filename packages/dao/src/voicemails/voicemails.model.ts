/**
 * A voicemail as wazo-confd shows it (`GET /voicemails/{id}`): a mailbox number in a context, its
 * owner's settings and the users it serves; the create and edit bodies. Its tenant is its
 * context's.
 */
import { linked, nullable, type Static, stringEnum, stringPair, Type } from '../schema.js';

export const VOICEMAIL_ACCESSTYPES = ['personal', 'global'] as const;
export const VOICEMAIL_NUMBER_PATTERN = '^[0-9]{1,40}$';
export const VOICEMAIL_PASSWORD_PATTERN = '^[0-9]{1,80}$';
export const LANGUAGE_PATTERN = '^[a-z]{2}_[A-Z]{2}$';

/** A user in a voicemail's `users`. */
export const voicemailUserSchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
  'uuid',
);
export type VoicemailUser = Static<typeof voicemailUserSchema>;

const text = () => nullable(Type.String());

const voicemailFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  number: Type.String(),
  context: Type.String(),
  password: text(),
  email: text(),
  pager: text(),
  language: text(),
  timezone: text(),
  max_messages: nullable(Type.Integer()),
  attach_audio: nullable(Type.Boolean()),
  delete_messages: Type.Boolean(),
  ask_password: Type.Boolean(),
  enabled: Type.Boolean(),
  options: Type.Array(stringPair),
  accesstype: stringEnum(VOICEMAIL_ACCESSTYPES),
};

/** `GET /voicemails/{id}`. */
export const voicemailSchema = linked('voicemails', {
  ...voicemailFields,
  users: Type.Array(voicemailUserSchema),
});
export type Voicemail = Static<typeof voicemailSchema>;

const optional = Type.Optional;
const properties = {
  name: Type.String({ maxLength: 80 }),
  number: Type.String({ pattern: VOICEMAIL_NUMBER_PATTERN }),
  context: Type.String(),
  password: optional(nullable(Type.String({ pattern: VOICEMAIL_PASSWORD_PATTERN }))),
  email: optional(nullable(Type.String({ maxLength: 80 }))),
  pager: optional(nullable(Type.String({ maxLength: 80 }))),
  language: optional(nullable(Type.String({ pattern: LANGUAGE_PATTERN }))),
  timezone: optional(nullable(Type.String())),
  max_messages: optional(nullable(Type.Integer({ minimum: 0 }))),
  attach_audio: optional(nullable(Type.Boolean())),
  delete_messages: optional(Type.Boolean()),
  ask_password: optional(Type.Boolean()),
  enabled: optional(Type.Boolean()),
  options: optional(Type.Array(stringPair)),
  accesstype: optional(stringEnum(VOICEMAIL_ACCESSTYPES)),
};

/** `POST /voicemails` (and `POST /users/{id}/voicemails`): name, number and context required. */
export const voicemailCreateSchema = Type.Object(properties);
export type VoicemailCreate = Static<typeof voicemailCreateSchema>;

/** `PUT /voicemails/{id}`: the given fields change, the others stay. */
export const voicemailEditSchema = Type.Object({
  ...properties,
  name: optional(properties.name),
  number: optional(properties.number),
  context: optional(properties.context),
});
export type VoicemailEdit = Static<typeof voicemailEditSchema>;

/** What the dao stores: every field, the context by id. */
export type VoicemailRow = Omit<Voicemail, 'id' | 'users' | 'context'> & { context_id: number };
