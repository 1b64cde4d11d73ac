/**
 * A custom endpoint (Wazo's `usercustom`), as wazo-confd shows it: an Asterisk dial string
 * (`interface`, with an optional suffix) that a line (or a trunk) uses.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

/** Wazo's `INTERFACE_REGEX`. */
export const CUSTOM_INTERFACE_PATTERN = '^[a-zA-Z0-9#*./_@:-]{1,128}$';

const lineRefSchema = linked('lines', { id: Type.Integer() });

/** `GET /endpoints/custom/{id}`. */
export const endpointCustomSchema = linked('endpoint_custom', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  interface: Type.String(),
  interface_suffix: nullable(Type.String()),
  enabled: Type.Boolean(),
  /** The trunk using it, if any. */
  trunk: nullable(linked('trunks', { id: Type.Integer() })),
  line: nullable(lineRefSchema),
});
export type EndpointCustom = Static<typeof endpointCustomSchema>;

const optional = Type.Optional;
const inputProperties = {
  interface: Type.String({ pattern: CUSTOM_INTERFACE_PATTERN }),
  interface_suffix: optional(nullable(Type.String({ maxLength: 32 }))),
  enabled: optional(Type.Boolean()),
};

/** `POST /endpoints/custom` (and a line's `endpoint_custom` on `POST /lines`). */
export const endpointCustomCreateSchema = Type.Object(inputProperties);
export type EndpointCustomCreate = Static<typeof endpointCustomCreateSchema>;

/** `PUT /endpoints/custom/{id}`: the fields given change, the others stay (Wazo loads it partially). */
export const endpointCustomEditSchema = Type.Object({
  ...inputProperties,
  interface: optional(inputProperties.interface),
});
export type EndpointCustomEdit = Static<typeof endpointCustomEditSchema>;

/** What the dao writes. */
export interface EndpointCustomRecord {
  interface: string;
  interface_suffix: string | null;
  enabled: boolean;
}
