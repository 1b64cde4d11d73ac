/**
 * A CSV row's fields checked against the schema of the resource they make (the same schema its
 * REST route validates), failures worded as confd words a body's (`Input Error - number: [...]`),
 * so a row's error reads as the resource's own.
 */
import { createAjv, type ValidationItem } from '@wazo-ts/daemon';
import { Nullable, type Static, type TSchema, Type } from '@wazo-ts/daemon/schema';
import { PASSWORD_PATTERN, USERNAME_PATTERN } from '@wazo-ts/dao';
import { renderConfdValidationError } from '../common/errors.js';

const ajv = createAjv({ coerceTypes: false, removeAdditional: false });
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();

/** `fields` without their null values: on a create, an empty cell means the default. */
export function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

/** The fields, checked; throws confd's 400 for the first failing fields. */
export function checked<S extends TSchema>(schema: S, fields: Record<string, unknown>): Static<S> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const value = { ...fields };
  if (!validate(value)) {
    const items = (validate.errors ?? []) as ValidationItem[];
    throw renderConfdValidationError({ kind: 'schema', part: 'body', items, value });
  }
  return value as Static<S>;
}

/** The wazo-auth user a row makes (Wazo's `WazoUserSchema`). */
export const wazoUserSchema = Type.Object({
  firstname: Type.String({ maxLength: 128 }),
  lastname: Type.Optional(Nullable(Type.String({ maxLength: 128 }))),
  email_address: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  username: Type.Optional(Nullable(Type.String({ pattern: USERNAME_PATTERN }))),
  password: Type.Optional(Nullable(Type.String({ pattern: PASSWORD_PATTERN }))),
});
export type WazoUserFields = Static<typeof wazoUserSchema>;
