/** wazo-dird's configuration errors, worded and identified as Wazo's (wazo_dird/exception.py). */
import { ConflictError, InvalidDataError, NotFoundError } from '@wazo-ts/errors';

const notFound = (what: string, errorId: string, resource: string) => (uuid: string) =>
  new NotFoundError(`No such ${what}: "${uuid}"`, { errorId, details: { uuid }, resource });

export const noSuchSource = notFound('source', 'unknown-source', 'sources');
export const noSuchDisplay = notFound('display', 'unknown-display', 'displays');
export const noSuchProfile = notFound('profile', 'unknown-profile', 'profiles');

export const noSuchPhonebook = (phonebookUuid: string, visibleTenants: string[]) =>
  new NotFoundError(
    `Phonebook {'uuid': '${phonebookUuid}'} not found in tenants ${JSON.stringify(visibleTenants)}`,
    {
      errorId: 'unknown-phonebook',
      details: { phonebook_key: { uuid: phonebookUuid }, visible_tenants: visibleTenants },
      resource: '/backends/phonebook/sources',
    },
  );

/** A name already used in the tenant (sources, profiles). */
export const duplicatedName = (name: string, resource: string) => {
  const message = `The name "${name}" is already used`;
  return new ConflictError('Conflict detected', {
    errorId: 'conflict',
    details: { name: { constraint_id: 'unique', message } },
    resource,
  });
};

/** A field that passed the schema but breaks a rule across fields. */
export const invalidField = (field: string, message: string) =>
  new InvalidDataError(`Sent data is invalid: ${field}: ${message}`, {
    details: { [field]: { constraint_id: 'invalid', message } },
  });

/** PostgreSQL's unique_violation on the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === constraint;
}
