/** The users' errors with wazo-auth's wording, ids and details. */
import {
  ConflictError,
  InvalidDataError,
  NotAllowedError,
  NotFoundError,
  UnauthorizedError,
} from '@wazo-ts/errors';

export const unknownUser = (uuid: string) =>
  new NotFoundError(`No such user: "${uuid}"`, {
    errorId: 'unknown-user',
    details: { uuid },
    resource: 'users',
  });

/** 409 when a username or e-mail address is already someone's login (any tenant, any case). */
export const loginAlreadyUsed = (field: 'username' | 'email_address', login: string) =>
  new ConflictError('Conflict detected', {
    errorId: 'conflict',
    resource: 'users',
    details: { [field]: { constraint_id: 'unique', message: `The login "${login}" is already used` } },
  });

/** A wrong old password: Wazo's legacy "Authentication Failed" (rendered by the route's shape). */
export const authenticationFailed = () =>
  new UnauthorizedError('Authentication Failed', { errorId: 'authentication-failed' });

export const passwordManagedExternally = (uuid: string) =>
  new NotAllowedError(`Unable to update externally managed password for user : "${uuid}"`, {
    errorId: 'password-managed-externally',
    details: { uuid },
    resource: 'users',
  });

export const invalidEmails = (message: string) =>
  new InvalidDataError(message, {
    errorId: 'invalid-data',
    details: { emails: { message } },
    resource: 'emails',
  });
