/**
 * A call filter (Wazo's boss/secretary `callfilter`) as wazo-confd shows it: a tenant's named
 * filter whose recipients (bosses) have their calls screened by surrogates (secretaries), with
 * the order they ring in (`strategy`), the calls it applies to (`source`) and a caller id; its
 * members and no-answer fallback are read-only here (their own routes write them). A member's
 * `member_id` is what a `bsfilter` function key points at.
 */
import { callFilterFallbacksSchema } from '../fallbacks/fallbacks.model.js';
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const CALL_FILTER_STRATEGIES = [
  'all-recipients-then-linear-surrogates',
  'all-recipients-then-all-surrogates',
  'all-surrogates-then-all-recipients',
  'linear-surrogates-then-all-recipients',
  'all',
] as const;
export const CALL_FILTER_SOURCES = ['internal', 'external', 'all'] as const;
export const CALL_FILTER_CALLER_ID_MODES = ['prepend', 'overwrite', 'append'] as const;

const userFields = { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) };

/** A recipient in `recipients.users`: the user and how long it rings (null: no limit). */
export const callFilterRecipientSchema = linked(
  'users',
  { ...userFields, timeout: nullable(Type.Integer()) },
  'uuid',
);
export type CallFilterRecipient = Static<typeof callFilterRecipientSchema>;

/** A surrogate in `surrogates.users`: the user, its member id and the code that rings it. */
export const callFilterSurrogateSchema = linked(
  'users',
  { ...userFields, member_id: Type.Integer(), exten: nullable(Type.String()) },
  'uuid',
);
export type CallFilterSurrogate = Static<typeof callFilterSurrogateSchema>;

const callFilterFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  strategy: stringEnum(CALL_FILTER_STRATEGIES),
  source: stringEnum(CALL_FILTER_SOURCES),
  surrogates_timeout: nullable(Type.Integer()),
  caller_id_mode: nullable(stringEnum(CALL_FILTER_CALLER_ID_MODES)),
  caller_id_name: nullable(Type.String()),
  description: nullable(Type.String()),
  enabled: Type.Boolean(),
};
const fieldsSchema = Type.Object(callFilterFields);
export type CallFilterFields = Static<typeof fieldsSchema>;

const relationFields = {
  recipients: Type.Object({ users: Type.Array(callFilterRecipientSchema) }),
  surrogates: Type.Object({ users: Type.Array(callFilterSurrogateSchema) }),
  fallbacks: callFilterFallbacksSchema,
};

/** `GET /callfilters/{id}`. */
export const callFilterSchema = linked('callfilters', { ...callFilterFields, ...relationFields });
export type CallFilter = Static<typeof callFilterSchema>;

const optional = Type.Optional;
const inputProperties = {
  name: Type.String({ maxLength: 128 }),
  strategy: stringEnum(CALL_FILTER_STRATEGIES),
  source: stringEnum(CALL_FILTER_SOURCES),
  surrogates_timeout: optional(nullable(Type.Integer({ minimum: 0 }))),
  caller_id_mode: optional(nullable(stringEnum(CALL_FILTER_CALLER_ID_MODES))),
  caller_id_name: optional(nullable(Type.String({ maxLength: 80 }))),
  description: optional(nullable(Type.String())),
  enabled: optional(Type.Boolean()),
};

/** POST /callfilters body: `name`, `strategy` and `source` are required. */
export const callFilterCreateSchema = Type.Object(inputProperties);
export type CallFilterCreate = Static<typeof callFilterCreateSchema>;

/** PUT /callfilters/{id} body: what is given changes, the rest stays (Wazo loads it partially). */
export const callFilterEditSchema = Type.Object({
  ...inputProperties,
  name: optional(inputProperties.name),
  strategy: optional(inputProperties.strategy),
  source: optional(inputProperties.source),
});
export type CallFilterEdit = Static<typeof callFilterEditSchema>;

/** What the dao stores: a timeout of 0 is stored as null, as Wazo reads its 0 as null. */
export type CallFilterRow = Omit<CallFilterFields, 'id'>;

/** Body of `PUT /callfilters/{id}/recipients/users`: a timeout of 0 or null rings without limit. */
export const callFilterRecipientUsersSchema = Type.Object({
  users: Type.Array(
    Type.Object({ uuid: Type.String(), timeout: optional(nullable(Type.Integer({ minimum: 0 }))) }),
  ),
});
export type CallFilterRecipientUsers = Static<typeof callFilterRecipientUsersSchema>;

/** Body of `PUT /callfilters/{id}/surrogates/users`. */
export const callFilterSurrogateUsersSchema = Type.Object({
  users: Type.Array(Type.Object({ uuid: Type.String() })),
});
export type CallFilterSurrogateUsers = Static<typeof callFilterSurrogateUsersSchema>;

/** Whether a member screens calls (a recipient, Wazo's boss) or answers them (a surrogate). */
export type CallFilterRole = 'recipient' | 'surrogate';

/** A member as the service writes it: a user kept from the old list keeps its member id. */
export interface CallFilterMemberRow {
  user_id: number;
  timeout: number | null;
}
