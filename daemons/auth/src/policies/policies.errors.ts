/**
 * The policies' errors, worded as wazo-auth's TokenServiceExceptions (rendered in the legacy body
 * by the routes: see common/route-context.ts).
 */
import { ConflictError, ForbiddenError, NotFoundError } from '@wazo-ts/errors';

export const unknownPolicy = (policy: string) =>
  new NotFoundError(`No such policy ${policy}`, { errorId: 'unknown-policy', details: { uuid: policy } });

// Wazo says "deletion" for every write to a read-only policy.
export const readOnlyPolicy = (policy: string) =>
  new ForbiddenError(`Forbidden policy deletion: "${policy}"`, {
    errorId: 'read-only-policy',
    details: { uuid: policy },
  });

export const duplicatePolicy = (name: string) =>
  new ConflictError(`Policy "${name}" already exists`, { errorId: 'duplicate-policy', details: { name } });

export const duplicateAccess = (access: string) =>
  new ConflictError(`Policy already associated to ${access}`, {
    errorId: 'duplicate-access',
    details: { access },
  });
