/** Wazo's phonebook errors: legacy bodies on most routes, APIErrors on the CSV import. */
import { ConflictError, InvalidDataError, NotFoundError } from '@wazo-ts/errors';

export class NoSuchPhonebookError extends NotFoundError {
  constructor(uuid: string) {
    super(`No such phonebook: ${uuid}`, { errorId: 'unknown-phonebook', details: { uuid } });
  }
}

export class DuplicatePhonebookError extends ConflictError {
  constructor(name: string) {
    super('Duplicating phonebook', { errorId: 'duplicate-phonebook', details: { name } });
  }
}

export class NoSuchPhonebookContactError extends NotFoundError {
  constructor(id: string) {
    super(`No such contact: ${id}`, { errorId: 'unknown-contact', details: { id } });
  }
}

export function invalidContact(message: string): InvalidDataError {
  return new InvalidDataError(message, { errorId: 'invalid-contact' });
}

/** The import's errors, answered in the `api` body: `phonebook-contact-import-<reason>`. */
export const IMPORT_ERROR_PREFIX = 'phonebook-contact-import-';

export function importError(
  reason: string,
  message: string,
  details: Record<string, unknown>,
): InvalidDataError {
  return new InvalidDataError(message, { errorId: `${IMPORT_ERROR_PREFIX}${reason}`, details });
}
