/**
 * Text about the config for humans: the layer order and a table of keys, used by
 * scripts/config-doc.ts to write docs/configuration.md, so the docs follow the schema.
 */
import { getIn, isMapping } from './tree.js';

export interface LayerDescription {
  name: string;
  description: string;
}

/** Lowest precedence first. */
export function configLayersDescription(daemonName = '<name>'): LayerDescription[] {
  const full = `wazo-${daemonName}`;
  return [
    { name: 'built-in defaults', description: "the schema's defaults, then the daemon's own defaults" },
    { name: 'main file', description: `\`config_file\` (\`/etc/${full}/config.yml\`, or \`-c\`)` },
    {
      name: 'conf.d files',
      description: `\`*.yml\` in \`extra_config_files\` (\`/etc/${full}/conf.d/\`); the alphabetically first file wins`,
    },
    {
      name: 'service key file',
      description: '`auth.key_file`: `service_id`/`service_key` → `auth.username`/`password`',
    },
    {
      name: 'environment',
      description: `\`XIVO_UUID\`, \`WAZO_${daemonName.toUpperCase()}__<SECTION>__<KEY>\``,
    },
    { name: 'command line', description: 'only the flags given' },
  ];
}

export interface ConfigKeyRow {
  key: string;
  type: string;
  default: unknown;
  description: string;
}

/** One row per leaf key of the schema (sections are walked, maps and lists are leaves). */
export function configKeyRows(schema: unknown, defaults: unknown, prefix: string[] = []): ConfigKeyRow[] {
  if (!isMapping(schema) || !isMapping(schema.properties)) return [];
  return Object.entries(schema.properties).flatMap(([key, child]) => {
    const path = [...prefix, key];
    if (isMapping(child) && isMapping(child.properties)) return configKeyRows(child, defaults, path);
    return [
      {
        key: path.join('.'),
        type: typeName(child),
        default: getIn(defaults, path),
        description: descriptionOf(child),
      },
    ];
  });
}

function typeName(schema: unknown): string {
  if (!isMapping(schema)) return 'any';
  if (Array.isArray(schema.anyOf)) return [...new Set(schema.anyOf.map(typeName))].join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.type === 'array') return `${typeName(schema.items)}[]`;
  if (isMapping(schema.patternProperties))
    return `map of ${typeName(Object.values(schema.patternProperties)[0])}`;
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function descriptionOf(schema: unknown): string {
  if (!isMapping(schema)) return '';
  if (typeof schema.description === 'string') return schema.description;
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map(descriptionOf).find((d) => d !== '') ?? '';
  return '';
}
