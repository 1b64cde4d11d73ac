/**
 * Request failures worded as wazo-confd words them (marshmallow's messages), so Wazo's clients
 * and tests match: one string per top-level field, the messages as a Python list,
 * `Input Error - firstname: ['Missing data for required field.']`; a body that is absent or not
 * JSON is werkzeug's "could not understand" 400. Plugged into the kit as `renderValidationError`.
 */
import {
  marshmallowMessage,
  type RequestFailure,
  type ValidationItem,
  validationPath,
} from '@wazo-ts/daemon';
import { InvalidDataError, type WazoError } from '@wazo-ts/errors';
import { pythonRepr } from './python-repr.js';

export const UNREADABLE_REQUEST =
  'The browser (or proxy) sent a request that this server could not understand.';

type Tree = Record<string, unknown>;

/** Messages keyed by top-level field (in order of failure); deeper ones nest as marshmallow's dicts. */
function groupByField(items: ValidationItem[]): Tree {
  const root: Tree = {};
  // marshmallow runs a field's validators (choices, length, pattern) only on a value of its
  // type: a value of the wrong type gets the type's message alone.
  const mistyped = new Set(items.filter((i) => i.keyword === 'type').map((i) => i.instancePath ?? ''));
  for (const item of items) {
    if (item.keyword !== 'type' && item.keyword !== 'required' && mistyped.has(item.instancePath ?? ''))
      continue;
    // "must match the `then` schema" sums up the errors beside it (a destination's fields),
    // which say what is wrong; worded as a message of its own it would replace them.
    if (item.keyword === 'if') continue;
    const path = validationPath(item);
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
