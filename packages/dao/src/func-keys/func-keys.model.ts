/**
 * Function keys as wazo-confd shows them: a template (`keys` by position), a key (destination,
 * label, BLF, whether it comes from a public template), a user's keys (its public template's
 * merged with its own), and the user ↔ template association; the bodies' and answers' schemas,
 * each type derived from its schema.
 */
import { linked, linkedTo, nullable, type Static, Type } from '../schema.js';
import {
  FUNC_KEY_DESTINATION_TYPES,
  type FuncKeyDestinationInput,
  funcKeyDestinationJsonSchema,
} from './func-key-destinations.js';

const optional = Type.Optional;

/** A destination as answered: its parameters, and the names of what it points at. */
const destinationAnswerSchema = Type.Object({
  type: Type.String({ enum: FUNC_KEY_DESTINATION_TYPES }),
  /** A user destination's link to the user; null for the others, as Wazo. */
  href: nullable(Type.String()),
  user_id: optional(Type.Integer()),
  user_firstname: optional(Type.String()),
  user_lastname: optional(nullable(Type.String())),
  group_id: optional(Type.Integer()),
  group_name: optional(Type.String()),
  group_label: optional(Type.String()),
  queue_id: optional(Type.Integer()),
  conference_id: optional(Type.Integer()),
  paging_id: optional(Type.Integer()),
  agent_id: optional(Type.Integer()),
  filter_member_id: optional(Type.Integer()),
  filter_member_firstname: optional(Type.String()),
  filter_member_lastname: optional(nullable(Type.String())),
  parking_lot_id: optional(Type.Integer()),
  parking_lot_name: optional(nullable(Type.String())),
  position: optional(Type.Integer()),
  action: optional(Type.String()),
  service: optional(Type.String()),
  forward: optional(Type.String()),
  transfer: optional(Type.String()),
  exten: optional(nullable(Type.String())),
});
export type FuncKeyDestination = Static<typeof destinationAnswerSchema>;

/** `GET /funckeys/templates/{id}/{position}`, `GET /users/{id}/funckeys/{position}`. */
export const funcKeySchema = Type.Object({
  id: Type.Integer(),
  /** True for a key of a public template, false for a user's own. */
  inherited: Type.Boolean(),
  blf: Type.Boolean(),
  label: nullable(Type.String()),
  destination: destinationAnswerSchema,
});
export type FuncKey = Static<typeof funcKeySchema>;

const keysOf = <T extends ReturnType<typeof Type.Object>>(key: T) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: key });

/** `GET /funckeys/templates/{id}`. */
export const funcKeyTemplateSchema = linked('func_keys_templates', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  keys: keysOf(funcKeySchema),
});
export type FuncKeyTemplate = Static<typeof funcKeyTemplateSchema>;

/** `GET /users/{id}/funckeys`: the public template's keys under the user's own; no id when merged. */
export const unifiedFuncKeysSchema = Type.Object({
  id: nullable(Type.Integer()),
  name: nullable(Type.String()),
  keys: keysOf(funcKeySchema),
});
export type UnifiedFuncKeys = Static<typeof unifiedFuncKeysSchema>;

/** A key as given (`PUT .../{position}`, and each of a template's `keys`). */
export const funcKeyInputSchema = Type.Object({
  blf: optional(Type.Boolean()),
  label: optional(nullable(Type.String({ maxLength: 128 }))),
  destination: Type.Unsafe<FuncKeyDestinationInput>(funcKeyDestinationJsonSchema),
});
export type FuncKeyInput = Static<typeof funcKeyInputSchema>;

/**
 * `POST /funckeys/templates`, `PUT /funckeys/templates/{id}`, `PUT /users/{id}/funckeys`: a PUT
 * replaces the name and every key (absent ones are removed), as Wazo's does. Positions are checked
 * by the validator, to word their errors as Wazo.
 */
export const funcKeyTemplateInputSchema = Type.Object({
  name: optional(Type.String({ maxLength: 128 })),
  keys: optional(keysOf(funcKeyInputSchema)),
});
export type FuncKeyTemplateInput = Static<typeof funcKeyTemplateInputSchema>;

/** An item of `GET /users/{id}/funckeys/templates` and `GET /funckeys/templates/{id}/users`. */
export const funcKeyTemplateUserSchema = linkedTo(
  [
    { rel: 'func_keys_templates', field: 'template_id' },
    { rel: 'users', field: 'user_id' },
  ],
  { user_id: Type.Integer(), template_id: Type.Integer() },
);
export type FuncKeyTemplateUser = Static<typeof funcKeyTemplateUserSchema>;

/** A key as the dao stores it: the destination cleaned, the BLF adjusted. */
export interface FuncKeyRow {
  position: number;
  label: string | null;
  blf: boolean;
  destination: FuncKeyDestinationInput;
}

/** A template's own fields, as the service decides on them. */
export interface FuncKeyTemplateHead {
  id: number;
  tenant_uuid: string;
  name: string | null;
  /** The user whose own keys these are; null for a public template. */
  private_user_id: number | null;
}
