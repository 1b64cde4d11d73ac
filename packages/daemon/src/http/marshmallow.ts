/**
 * Ajv's validation errors in marshmallow's words, as Wazo's daemons answer them: the message
 * (`Missing data for required field.`, `Length must be between 1 and 128.`) and xivo.mallow's
 * constraint (`{constraint_id: 'length', constraint: {min: 1, max: 128}}`). wazo-confd words its
 * errors with the messages alone, wazo-auth with both; each daemon shapes them its own way.
 * Ajv runs verbose (validation.ts), so an error carries its schema and the refused value.
 */
import type { ValidationItem } from './errors.js';

type Schema = Record<string, unknown>;
export type VerboseValidationItem = ValidationItem & { parentSchema?: Schema; data?: unknown };

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

const expectedType = (item: ValidationItem) => [item.params?.type].flat().find((t) => t !== 'null');

/** marshmallow's message for one Ajv error. */
export function marshmallowMessage(item: VerboseValidationItem): string {
  const schema = item.parentSchema ?? {};
  switch (item.keyword) {
    case 'required':
      return 'Missing data for required field.';
    case 'type':
      if (item.data === null) return 'Field may not be null.';
      return typeMessages[String(expectedType(item))] ?? 'Invalid value.';
    case 'maxLength':
    case 'minLength':
      return lengthMessage(schema);
    case 'minimum':
    case 'maximum':
      return rangeMessage(schema);
    case 'pattern':
      return 'String does not match expected pattern.';
    case 'enum':
      // A nullable enum lists null among its values; marshmallow's OneOf names the choices only.
      return `Must be one of: ${((item.params?.allowedValues as unknown[]) ?? []).filter((v) => v !== null).join(', ')}.`;
    case 'format':
      return item.params?.format === 'email' ? 'Not a valid email address.' : 'Not a valid value.';
    case 'additionalProperties':
      return 'Unknown field.';
    default:
      return 'Invalid value.';
  }
}

export interface MarshmallowConstraint {
  constraint_id: string;
  constraint: unknown;
}

/** xivo.mallow's constraint for one Ajv error (its validators' and fields' `constraint_id`). */
export function marshmallowConstraint(item: VerboseValidationItem): MarshmallowConstraint {
  const schema = item.parentSchema ?? {};
  switch (item.keyword) {
    case 'required':
      return { constraint_id: 'required', constraint: 'required' };
    case 'type':
      if (item.data === null) return { constraint_id: 'not_null', constraint: 'not_null' };
      return { constraint_id: 'type', constraint: String(expectedType(item)) };
    case 'maxLength':
    case 'minLength':
      return { constraint_id: 'length', constraint: { min: schema.minLength, max: schema.maxLength } };
    case 'minimum':
    case 'maximum':
      return { constraint_id: 'range', constraint: { min: schema.minimum, max: schema.maximum } };
    case 'pattern':
      return { constraint_id: 'regex', constraint: schema.pattern };
    case 'enum':
      return { constraint_id: 'enum', constraint: item.params?.allowedValues };
    case 'format':
      return { constraint_id: String(item.params?.format ?? 'format'), constraint: item.params?.format };
    default:
      return { constraint_id: String(item.keyword ?? 'invalid'), constraint: item.params ?? {} };
  }
}

/** The path of the failing value: `/address/state` → ['address', 'state']; a missing key last. */
export function validationPath(item: ValidationItem): string[] {
  const path = (item.instancePath ?? '').split('/').filter(Boolean);
  const missing = item.params?.missingProperty;
  return typeof missing === 'string' ? [...path, missing] : path;
}
