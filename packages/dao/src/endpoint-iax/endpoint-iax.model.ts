/**
 * An IAX endpoint as wazo-confd shows it (`/endpoints/iax`): Wazo uses them for IAX trunks. Its
 * options are Wazo's option list (iax-options.ts); `trunk` is the trunk using it.
 */
import { linked, nullable, type Static, stringEnum, stringPair, Type } from '../schema.js';

export const IAX_TYPES = ['friend', 'peer', 'user'] as const;

/** `GET /endpoints/iax/{id}`. */
export const iaxEndpointSchema = linked('endpoint_iax', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  type: stringEnum(IAX_TYPES),
  host: Type.String(),
  options: Type.Array(stringPair),
  /** The trunk using it, if any. */
  trunk: nullable(linked('trunks', { id: Type.Integer() })),
});
export type IaxEndpoint = Static<typeof iaxEndpointSchema>;

const option = Type.Unsafe<[string, string]>(Type.Array(Type.String(), { minItems: 2, maxItems: 2 }));

/** `POST` and `PUT` (a PUT changes the fields it gives; `options` replaces them all). */
export const iaxEndpointBodySchema = Type.Object({
  /** 8 random lowercase letters and digits, unused, when absent. */
  name: Type.Optional(Type.String({ pattern: '^[a-zA-Z0-9_-]{1,40}$' })),
  type: Type.Optional(stringEnum(IAX_TYPES)),
  host: Type.Optional(Type.String({ maxLength: 255 })),
  options: Type.Optional(Type.Array(option, { maxItems: 512 })),
});
export type IaxEndpointBody = Static<typeof iaxEndpointBodySchema>;
