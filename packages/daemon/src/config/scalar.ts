/**
 * Values typed as text (environment variables, command-line arguments) are read as YAML, so
 * `9999`, `true` and `[a, b]` get their types; but where the schema wants a string, the raw text
 * is kept (a password `1234` stays a string).
 */
import { parseDocument } from 'yaml';
import { isMapping, type KeyPath } from './tree.js';

type JsonSchema = Record<string, unknown>;

/** The sub-schema describing the value at `path`, when the schema says. */
export function schemaAt(schema: unknown, path: KeyPath): JsonSchema | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    node = childSchema(node, String(segment));
    if (node === undefined) return undefined;
  }
  return isMapping(node) ? node : undefined;
}

function childSchema(schema: unknown, key: string): unknown {
  if (!isMapping(schema)) return undefined;
  if (isMapping(schema.properties) && key in schema.properties) return schema.properties[key];
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf) {
      const found = childSchema(branch, key);
      if (found !== undefined) return found;
    }
  }
  if (isMapping(schema.patternProperties)) return Object.values(schema.patternProperties)[0];
  if (isMapping(schema.additionalProperties)) return schema.additionalProperties;
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether the schema allows the JSON type (ignoring formats, ranges and constants' values). */
export function allowsType(schema: JsonSchema | undefined, type: string): boolean {
  if (schema === undefined) return true;
  if (Array.isArray(schema.anyOf))
    return schema.anyOf.some((branch) => isMapping(branch) && allowsType(branch, type));
  const declared = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if ('const' in schema && declared.length === 0) declared.push(jsonType(schema.const));
  if (declared.length === 0) return true;
  return declared.includes(type) || (type === 'integer' && declared.includes('number'));
}

export type TextValue = { value: unknown } | { error: string };

export function parseTextValue(raw: string, schema: JsonSchema | undefined): TextValue {
  const doc = parseDocument(raw, { version: '1.1' });
  const valid = doc.errors.length === 0;
  const parsed: unknown = valid ? doc.toJS() : undefined;
  if (
    (!valid || !allowsType(schema, jsonType(parsed))) &&
    allowsType(schema, 'string') &&
    schema !== undefined
  )
    return { value: raw };
  if (!valid) return { error: `not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}` };
  return { value: parsed };
}
