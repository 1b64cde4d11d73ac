/** A PJSIP transport (`/sip/transports`): a name and its options, shared by every tenant. */
import { type Static, Type } from '../schema.js';

const option = Type.Unsafe<[string, string]>(
  Type.Array(Type.String({ minLength: 1, maxLength: 4092, pattern: '^[a-zA-Z0-9-_\\/\\.:,]*$' }), {
    minItems: 2,
    maxItems: 2,
  }),
);

export const sipTransportSchema = Type.Object({
  uuid: Type.String(),
  name: Type.String(),
  options: Type.Array(Type.Array(Type.String())),
});
export type SipTransport = Static<typeof sipTransportSchema> & { options: [string, string][] };

const name = Type.String({
  minLength: 1,
  maxLength: 79,
  pattern: '^[-_.a-zA-Z0-9]+$',
  not: { enum: ['global', 'system'] },
});

export const sipTransportCreateSchema = Type.Object({
  name,
  options: Type.Optional(Type.Array(option, { maxItems: 128 })),
});
export type SipTransportCreate = Static<typeof sipTransportCreateSchema>;

export const sipTransportEditSchema = Type.Object({
  name: Type.Optional(name),
  options: Type.Optional(Type.Array(option, { maxItems: 128 })),
});
export type SipTransportEdit = Static<typeof sipTransportEditSchema>;
