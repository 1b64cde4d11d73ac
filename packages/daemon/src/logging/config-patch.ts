/**
 * `PATCH /<version>/config` body, as wazo-auth accepts it: a JSON-Patch-like list of
 * `{op: 'replace', path: '/debug', value: <boolean>}`. Only the debug flag can change at runtime.
 */
import { InvalidDataError } from '@wazo-ts/errors';

type FieldErrors = Record<string, string[]>;

function checkOperation(op: unknown): FieldErrors {
  if (!op || typeof op !== 'object' || Array.isArray(op)) return { _schema: ['Invalid input type.'] };
  const { op: name, path, value } = op as Record<string, unknown>;
  const errors: FieldErrors = {};
  if (name !== 'replace') errors.op = ['Must be one of: replace.'];
  if (path !== '/debug') errors.path = ['Must be one of: /debug.'];
  if (typeof value !== 'boolean') errors.value = ['Not a valid boolean.'];
  return errors;
}

/** Returns the debug flag after applying `operations`; throws InvalidDataError on a bad body. */
export function applyConfigPatch(operations: unknown, current: { debug: boolean }): boolean {
  if (!Array.isArray(operations)) {
    throw new InvalidDataError('Sent data is invalid', { details: { _schema: ['Invalid input type.'] } });
  }
  const details: Record<string, FieldErrors> = {};
  operations.forEach((op, index) => {
    const errors = checkOperation(op);
    if (Object.keys(errors).length > 0) details[String(index)] = errors;
  });
  if (Object.keys(details).length > 0) throw new InvalidDataError('Sent data is invalid', { details });
  const last = operations.at(-1) as { value: boolean } | undefined;
  return last ? last.value : current.debug;
}
