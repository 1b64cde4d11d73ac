/**
 * Request failures worded as wazo-confd words them (marshmallow's messages), so Wazo's clients
 * and tests match: one string per top-level field, the messages as a Python list,
 * `Input Error - firstname: ['Missing data for required field.']`; a body that is absent or not
 * JSON is werkzeug's "could not understand" 400. Plugged into the kit as `renderValidationError`.
 */
import type { RequestFailure, ValidationItem } from '@wazo-ts/daemon';
import { InvalidDataError, type WazoError } from '@wazo-ts/errors';
import { pythonRepr } from './python-repr.js';

export const UNREADABLE_REQUEST =
  'The browser (or proxy) sent a request that this server could not understand.';

type Schema = Record<string, unknown>;

const typeMessages: Record<string, string> = {
  string: 'Not a valid string.',
  integer: 'Not a valid integer.',
  number: 'Not a valid number.',
  boolean: 'Not a valid boolean.',
  array: 'Not a valid list.',
  object: 'Invalid input type.',
};

function rangeMessage(schema: Schema): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined)
    return `Must be greater than or equal to ${min} and less than or equal to ${max}.`;
  return min !== undefined
    ? `Must be greater than or equal to ${min}.`
    : `Must be less than or equal to ${max}.`;
}

function lengthMessage(schema: Schema): string {
  const { minLength: min, maxLength: max } = schema;
  if (min !== undefined && max !== undefined) return `Length must be between ${min} and ${max}.`;
  return min !== undefined ? `Shorter than minimum length ${min}.` : `Longer than maximum length ${max}.`;
}

/** marshmallow's message for one Ajv error (Ajv runs verbose: parentSchema and data are there). */
export function marshmallowMessage(item: ValidationItem & { parentSchema?: Schema; data?: unknown }): string {
  const schema = item.parentSchema ?? {};
  switch (item.keyword) {
    case 'required':
      return 'Missing data for required field.';
    case 'type': {
      if (item.data === null) return 'Field may not be null.';
      const expected = [item.params?.type].flat().find((t) => t !== 'null');
      return typeMessages[String(expected)] ?? 'Invalid value.';
    }
    case 'maxLength':
    case 'minLength':
      return lengthMessage(schema);
    case 'minimum':
    case 'maximum':
      return rangeMessage(schema);
    case 'pattern':
      return 'String does not match expected pattern.';
    case 'enum':
      return `Must be one of: ${((item.params?.allowedValues as unknown[]) ?? []).join(', ')}.`;
    case 'format':
      return item.params?.format === 'email' ? 'Not a valid email address.' : 'Not a valid value.';
    case 'additionalProperties':
      return 'Unknown field.';
    default:
      return 'Invalid value.';
  }
}

/** The path of the failing value: `/lines/0/extensions` → ['lines', '0', 'extensions']. */
function pathOf(item: ValidationItem): string[] {
  const path = (item.instancePath ?? '').split('/').filter(Boolean);
  const missing = item.params?.missingProperty;
  return typeof missing === 'string' ? [...path, missing] : path;
}

type Tree = Record<string, unknown>;

/** Messages keyed by top-level field (in order of failure); deeper ones nest as marshmallow's dicts. */
function groupByField(items: ValidationItem[]): Tree {
  const root: Tree = {};
  for (const item of items) {
    const path = pathOf(item);
    if (path.length === 0) path.push('_schema');
    const leaf = path.pop() as string;
    let holder = root;
    for (const part of path) {
      const next = holder[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) holder[part] = {};
      holder = holder[part] as Tree;
    }
    const list = Array.isArray(holder[leaf]) ? (holder[leaf] as string[]) : [];
    const message = marshmallowMessage(item);
    if (!list.includes(message)) list.push(message);
    holder[leaf] = list;
  }
  return root;
}

const inputError = (messages: string[]): WazoError =>
  new InvalidDataError(messages.join('\n'), { errorId: 'invalid-data', details: { messages } });

export function renderConfdValidationError(failure: RequestFailure): WazoError {
  if (failure.kind === 'unreadable-body') return inputError([UNREADABLE_REQUEST]);
  // No body at all: Wazo's confd could not read JSON either.
  if (failure.part === 'body' && (failure.value === undefined || failure.value === null))
    return inputError([UNREADABLE_REQUEST]);
  const fields = groupByField(failure.items);
  return inputError(
    Object.entries(fields).map(([field, value]) => `Input Error - ${field}: ${pythonRepr(value)}`),
  );
}
