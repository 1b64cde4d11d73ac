/**
 * Wazo's `Predicate('isdigit')` on a string field (pins, a paging's number, parking slots): only
 * digits, at least one; marshmallow words a failure `Invalid input.`. Null passes (the schema
 * says whether null is allowed).
 */
import { inputError } from '../errors.js';

export function checkDigits(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !/^[0-9]+$/.test(value)) {
      throw inputError(`${field}: ['Invalid input.']`, { field });
    }
  }
}
