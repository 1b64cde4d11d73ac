/**
 * Checks the merged config against the schema with Ajv and turns each failure into an issue that
 * names the layer (file and line, variable or flag) that set the faulty value.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { ConfigIssue, ConfigWarning } from './errors.js';
import { type ConfigLayer, originOf } from './layer.js';
import { type ConfigTree, formatKeyPath, isMapping, type KeyPath } from './tree.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export function createValidator(schema: object): (data: ConfigTree) => ErrorObject[] {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

/** Wazo accepts level names in any case (`WARNING`, `Info`). */
export function normalizeLogLevel(config: ConfigTree): void {
  if (typeof config.log_level !== 'string') return;
  const level = config.log_level.toLowerCase();
  config.log_level = level === 'warn' ? 'warning' : level;
}

export function toIssues(errors: readonly ErrorObject[], layers: readonly ConfigLayer[]): ConfigIssue[] {
  // A failed anyOf also reports each branch's failure; the anyOf message says it better.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  for (const error of errors) {
    if (unions.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const { path, message } = describeError(error);
    const key = `${formatKeyPath(path)}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ ...originOf(layers, path), path: formatKeyPath(path), message });
  }
  return issues;
}

/** Top-level keys no schema knows: Wazo files carry keys of features we lack, so only warn. */
export function unknownTopLevelKeys(
  config: ConfigTree,
  schema: { properties: object },
  layers: readonly ConfigLayer[],
): ConfigWarning[] {
  return Object.keys(config)
    .filter((key) => !Object.hasOwn(schema.properties, key))
    .map((key) => ({
      ...originOf(layers, [key]),
      message: `unknown key "${key}" (not used by this daemon)`,
    }));
}

function describeError(error: ErrorObject): { path: KeyPath; message: string } {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: 'unknown key' };
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: 'missing required key' };
    case 'type':
      return { path, message: `expected ${String(params.type)}, got ${show(error.data)}` };
    case 'anyOf':
      return { path, message: `expected ${describeSchema(error.parentSchema)}, got ${show(error.data)}` };
    case 'const':
    case 'enum':
      return { path, message: `expected ${describeSchema(error.parentSchema)}, got ${show(error.data)}` };
    default:
      return { path, message: `${error.message ?? 'invalid'}, got ${show(error.data)}` };
  }
}

function describeSchema(schema: unknown): string {
  if (!isMapping(schema)) return 'a valid value';
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map(describeSchema).join(' or ');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (typeof schema.type === 'string') return schema.type;
  return 'a valid value';
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function pointerToPath(pointer: string): KeyPath {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
