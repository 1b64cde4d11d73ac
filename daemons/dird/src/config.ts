/**
 * wazo-dird's own configuration keys. The kit's base keys (rest_api, auth, bus, consul,
 * log_level, ...) come on top. Every key has a default and a description: the schema is the
 * documentation (see docs/configuration.md for the layers and the base keys).
 */
import { type Static, Type } from 'typebox';

export const DirdConfigSchema = Type.Object({
  greeting: Type.Object(
    {
      template: Type.String({
        minLength: 1,
        default: 'Hello, {name}!',
        description: 'The message of GET /greeting; `{name}` is replaced by the name asked for.',
      }),
    },
    { additionalProperties: false },
  ),
});

export type DirdOwnConfig = Static<typeof DirdConfigSchema>;
