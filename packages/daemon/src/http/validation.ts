/** The JSON Schema validators of the HTTP layer (Ajv, with the formats Fastify users expect). */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives under `.default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export function createAjv(options: Pick<Options, 'coerceTypes' | 'removeAdditional'>): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    ...options,
    allErrors: true,
    useDefaults: true,
    // Errors carry the failing schema and value, so a daemon can word them (confd's marshmallow
    // messages need a field's whole length range); only failures pay for it.
    verbose: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}
