/** The schema a daemon's config is validated against: the kit's base keys plus the daemon's own. */
import { type TObject, Type } from 'typebox';
import type { DaemonDefinition } from '../definition.js';
import { BaseConfigSchema } from './schema.js';

export function combinedConfigSchema(definition: Pick<DaemonDefinition, 'configSchema'>): TObject {
  if (definition.configSchema === undefined) return BaseConfigSchema;
  return Type.Object({ ...BaseConfigSchema.properties, ...definition.configSchema.properties });
}
