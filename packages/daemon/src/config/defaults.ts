/**
 * The lowest layer: the schema's `default` keywords, the paths and names derived from the
 * daemon's name, then the daemon's own `defaults`.
 */
import type { DaemonDefinition } from '../definition.js';
import { type ConfigLayer, simpleLayer } from './layer.js';
import { type ConfigTree, cloneTree, deepMerge, isMapping } from './tree.js';

export type ConfigDefinition = Pick<
  DaemonDefinition,
  'name' | 'defaultPort' | 'configSchema' | 'defaults' | 'configListMerge' | 'cliOptions' | 'version'
>;

type JsonSchema = Record<string, unknown>;

/** Defaults of a JSON Schema: `default` keywords, objects built from their properties, null for nullable. */
export function schemaDefaults(schema: JsonSchema): unknown {
  if ('default' in schema) return cloneTree(schema.default);
  if (isMapping(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const tree: ConfigTree = {};
    for (const [key, child] of Object.entries(schema.properties)) {
      if (!isMapping(child)) continue;
      const value = required.has(key) || 'default' in child ? schemaDefaults(child) : undefined;
      if (value !== undefined) tree[key] = value;
    }
    return tree;
  }
  if (
    Array.isArray(schema.anyOf) &&
    schema.anyOf.some((branch) => isMapping(branch) && branch.type === 'null')
  )
    return null;
  return undefined;
}

/** Wazo's per-daemon defaults: `/etc/wazo-<name>/config.yml` and friends. */
export function derivedDefaults(definition: ConfigDefinition): ConfigTree {
  const full = `wazo-${definition.name}`;
  return {
    config_file: `/etc/${full}/config.yml`,
    extra_config_files: `/etc/${full}/conf.d/`,
    log_filename: `/var/log/${full}.log`,
    user: full,
    rest_api: { port: definition.defaultPort },
    auth: { key_file: `/var/lib/wazo-auth-keys/${full}-key.yml` },
  };
}

export function defaultsLayer(definition: ConfigDefinition, schema: JsonSchema): ConfigLayer {
  const fromSchema = schemaDefaults(schema);
  const base = deepMerge(isMapping(fromSchema) ? fromSchema : {}, derivedDefaults(definition));
  return simpleLayer('defaults', 'built-in defaults', deepMerge(base, definition.defaults ?? {}));
}
