/**
 * An extension, as wazo-confd shows it: a number (or dialplan pattern) in a context. Its tenant
 * is its context's. `commented` is the legacy inverse of `enabled`.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

/** `GET /extensions/{id}`. */
export const extensionSchema = linked('extensions', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  exten: Type.String(),
  /** The context's name. */
  context: Type.String(),
  enabled: Type.Boolean(),
  /** Legacy: `!enabled`. */
  commented: Type.Boolean(),
  /** Lines this extension is assigned to. */
  lines: Type.Array(linked('lines', { id: Type.Integer(), name: nullable(Type.String()) })),
  /** The conference or the parking lot this extension reaches, if any. */
  conference: nullable(linked('conferences', { id: Type.Integer(), name: nullable(Type.String()) })),
  parking_lot: nullable(linked('parkinglots', { id: Type.Integer(), name: nullable(Type.String()) })),
  /** The group this extension rings, if any. */
  group: nullable(linked('groups', { uuid: Type.String(), id: Type.Integer(), name: Type.String() }, 'uuid')),
  /** The incall this extension is the number of, if any. */
  incall: nullable(linked('incalls', { id: Type.Integer() })),
  /** The outcall this extension (a dial pattern) selects, if any. */
  outcall: nullable(linked('outcalls', { id: Type.Integer(), name: Type.String() })),
  /** The queue this extension rings, if any. */
  queue: nullable(
    linked('queues', { id: Type.Integer(), name: Type.String(), label: nullable(Type.String()) }),
  ),
});
export type Extension = Static<typeof extensionSchema>;

/** Wazo's other owners, whose resources wazo-ts does not have yet: null. */
export const NO_OTHER_OWNERS = {
  incall: null,
  queue: null,
} as const;

const extensionProperties = {
  exten: Type.String({ maxLength: 40 }),
  context: Type.String(),
  enabled: Type.Optional(Type.Boolean()),
  /** Legacy inverse of `enabled`; `enabled` wins when both are given. */
  commented: Type.Optional(Type.Boolean()),
};

/** `POST /extensions`. */
export const extensionCreateSchema = Type.Object(extensionProperties);
export type ExtensionCreate = Static<typeof extensionCreateSchema>;

/** `PUT /extensions/{id}`. */
export const extensionEditSchema = Type.Object({
  ...extensionProperties,
  exten: Type.Optional(extensionProperties.exten),
  context: Type.Optional(extensionProperties.context),
});
export type ExtensionEdit = Static<typeof extensionEditSchema>;

export interface ExtensionRecord {
  context_id: number;
  exten: string;
  enabled: boolean;
}

/**
 * Wazo's exten patterns: digits (and * #), or a `_` pattern; outcall contexts accept `+` too.
 * Python's `re.match` anchors both alternatives at the start, hence the group.
 */
export const EXTEN_REGEX = /^(?:_[*#0-9_XxZzNn[\].!-]{1,39}$|[*#0-9]{1,40}$)/;
export const EXTEN_OUTCALL_REGEX = /^_?\+?[*#0-9_XxZzNn[\].!-]*$/;

export const isPattern = (exten: string): boolean => exten.startsWith('_');

/** `enabled` from the input, with the legacy `commented` as fallback. */
export function enabledOf(input: ExtensionEdit): boolean | undefined {
  if (input.enabled !== undefined) return input.enabled;
  if (input.commented !== undefined) return !input.commented;
  return undefined;
}
