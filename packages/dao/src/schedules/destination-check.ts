/**
 * Checking and cleaning a destination against the field tables of destination.ts: unknown fields
 * are dropped (as wazo-confd's schemas do), wrong or missing ones are reported in marshmallow's
 * words, and the same tables produce the JSON Schema given to the REST layer.
 */
import { isUuid } from '@wazo-ts/db';
import { DESTINATION_FIELDS, DESTINATION_TYPES, type Destination, fieldTablesOf } from './destination.js';

type Spec = (typeof DESTINATION_FIELDS)[string][string];

/** An address as marshmallow's Email field takes it: a local part, an @, a dotted domain. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What is wrong with one field's value, in marshmallow's words, or null. */
export function fieldProblem(value: unknown, spec: Spec): string | null {
  if (value === null) return spec.nullable ? null : 'Field may not be null.';
  const ok: Record<Spec['kind'], boolean> = {
    integer: Number.isInteger(value),
    number: typeof value === 'number' && Number.isFinite(value),
    string: typeof value === 'string',
    boolean: typeof value === 'boolean',
    object: typeof value === 'object' && !Array.isArray(value),
    uuid: isUuid(value),
  };
  if (!ok[spec.kind]) return spec.kind === 'uuid' ? 'Not a valid UUID.' : `Not a valid ${spec.kind}.`;
  if (spec.enum && !spec.enum.includes(value as string)) return `Must be one of: ${spec.enum.join(', ')}.`;
  if (spec.minimum !== undefined && (value as number) < spec.minimum) {
    return `Must be greater than or equal to ${spec.minimum}.`;
  }
  if (spec.maxLength !== undefined && (value as string).length > spec.maxLength) {
    return `Longer than maximum length ${spec.maxLength}.`;
  }
  if (spec.pattern && !new RegExp(spec.pattern).test(value as string)) {
    return 'String does not match expected pattern.';
  }
  if (spec.format === 'email' && !EMAIL.test(value as string)) return 'Not a valid email address.';
  return null;
}

export type DestinationCheck = { destination: Destination } | { errors: Record<string, string[]> };

/** Validates a raw destination; on success returns it with only its type's fields kept. */
export function checkDestination(raw: unknown): DestinationCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { errors: { _schema: ['Invalid input type.'] } };
  }
  const input = raw as Record<string, unknown>;
  const typeProblem = fieldProblem(input.type ?? null, {
    kind: 'string',
    required: true,
    enum: DESTINATION_TYPES,
  });
  if (input.type === undefined) return { errors: { type: ['Missing data for required field.'] } };
  if (typeProblem) return { errors: { type: [typeProblem] } };
  const errors: Record<string, string[]> = {};
  const destination: Record<string, unknown> = { type: input.type };
  for (const [name, spec] of Object.entries(fieldTablesOf(input as Destination))) {
    if (input[name] === undefined) {
      if (spec.required) errors[name] = ['Missing data for required field.'];
      continue;
    }
    const problem = fieldProblem(input[name], spec);
    if (problem) errors[name] = [problem];
    // marshmallow's UUID field stores the canonical (lowercase) form, whatever case was sent.
    else
      destination[name] =
        typeof input[name] === 'string' && spec.kind === 'uuid' ? input[name].toLowerCase() : input[name];
  }
  return Object.keys(errors).length > 0 ? { errors } : { destination: destination as Destination };
}

function specSchema(spec: Spec): Record<string, unknown> {
  const base: Record<string, unknown> =
    spec.kind === 'uuid' ? { type: 'string', format: 'uuid' } : { type: spec.kind };
  if (spec.enum) base.enum = [...spec.enum];
  if (spec.pattern) base.pattern = spec.pattern;
  if (spec.format) base.format = spec.format;
  if (spec.maxLength !== undefined) base.maxLength = spec.maxLength;
  if (spec.minimum !== undefined) base.minimum = spec.minimum;
  if (spec.nullable) base.type = [base.type as string, 'null'];
  return base;
}

function tableSchema(table: Record<string, Spec>) {
  const required = Object.entries(table)
    .filter(([, s]) => s.required)
    .map(([n]) => n);
  const properties = Object.fromEntries(Object.entries(table).map(([n, s]) => [n, specSchema(s)]));
  return { properties, ...(required.length > 0 ? { required } : {}) };
}

function branch(key: string): Record<string, unknown> {
  const [type, sub] = key.split(':') as [string, string | undefined];
  const subField = type === 'application' ? 'application' : 'cause';
  const when = sub
    ? { properties: { type: { const: type }, [subField]: { const: sub } }, required: ['type', subField] }
    : { properties: { type: { const: type } }, required: ['type'] };
  // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword, not a promise
  return { if: when, then: tableSchema(DESTINATION_FIELDS[key]!) };
}

/** JSON Schema of a destination object (type, then each type's and subtype's fields). */
export const destinationJsonSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: [...DESTINATION_TYPES] } },
  allOf: Object.keys(DESTINATION_FIELDS).map(branch),
} as const;

/** A field as an answer shows it: its type only (the value was checked when written). */
function answerField(spec: Spec): Record<string, unknown> {
  const type = spec.kind === 'uuid' ? 'string' : spec.kind;
  // A free-form object field (queue's skill_rule_variables) keeps all its keys.
  const open = spec.kind === 'object' ? { additionalProperties: true } : {};
  return { type: spec.nullable ? [type, 'null'] : type, ...open };
}

const name = { type: ['string', 'null'] };
/** What an answer adds to the destination it read (destination-names.ts). */
const NAMES: Record<string, Record<string, unknown>> = {
  user: { user_firstname: name, user_lastname: name },
  group: { group_label: name, group_name: name },
  voicemail: { voicemail_name: name },
  application: { application_name: name },
  switchboard: { switchboard_name: name },
  queue: { queue_label: name },
  ivr: { ivr_name: name },
  conference: { conference_name: name },
};

/** One branch of the answer union: a type with its own fields and every subtype's. */
function answerBranch(type: string): Record<string, unknown> {
  const tables = Object.entries(DESTINATION_FIELDS).filter(([key]) => key.split(':')[0] === type);
  const fields = Object.assign({}, ...tables.map(([, table]) => table)) as Record<string, Spec>;
  const properties = Object.fromEntries(Object.entries(fields).map(([n, s]) => [n, answerField(s)]));
  Object.assign(properties, NAMES[type] ?? {});
  return {
    type: 'object',
    required: ['type'],
    properties: { type: { type: 'string', enum: [type] }, ...properties },
  };
}

/** JSON Schema of a destination in an answer: one branch per type, all that type's fields. */
export const destinationAnswerJsonSchema = { anyOf: DESTINATION_TYPES.map(answerBranch) };
