/** wazo-auth's tenant errors, with its messages and error ids. */
import { ConflictError, ForbiddenError, InvalidDataError, NotFoundError } from '@wazo-ts/errors';

const resource = 'tenants';

export const unknownTenant = (uuid: string) =>
  new NotFoundError(`No such tenant: "${uuid}"`, { errorId: 'unknown-tenant', details: { uuid }, resource });

export const unknownContact = (uuid: string) =>
  new NotFoundError(`No such user: "${uuid}"`, {
    errorId: 'unknown-user',
    details: { uuid },
    resource: 'users',
  });

export const columnConflict = (column: string, value: string) => {
  const message = `The ${column} "${value}" is already used`;
  return new ConflictError('Conflict detected', {
    errorId: 'conflict',
    details: { [column]: { constraint_id: 'unique', message } },
    resource,
  });
};

export const domainConflict = (names: readonly string[]) => {
  const message = `Domain name : "${names.join(', ')}" is already in use, no duplicates allowed`;
  return new ConflictError('Conflict detected', {
    errorId: 'conflict',
    details: { domain_names: { 'constraint-id': 'unique', message } },
    resource,
  });
};

export const uuidConflict = (uuid: string) =>
  new ConflictError('Tenant Conflict detected', {
    errorId: 'tenant-identity-conflict',
    details: {
      uuid: { constraint_id: 'unique', message: `A tenant with identity uuid="${uuid}" already exists` },
    },
    resource,
  });

export const deleteOwnTenant = (uuid: string) =>
  new ForbiddenError(`Deleting its own tenant is forbidden: "${uuid}"`, {
    errorId: 'deleting-own-tenant-forbidden',
    details: { tenant_uuid: uuid },
    resource,
  });

export const tenantHasChildren = (uuid: string) =>
  new InvalidDataError(`Unauthorized delete of tenant : "${uuid}" ; since it has at least one child`, {
    errorId: 'tenant-has-children',
    details: { uuid },
    resource,
  });

export const descendantParent = (uuid: string, parentUuid: string) =>
  new ConflictError(`Parent (${parentUuid}) is a descendent of tenant: "${uuid}"`, {
    errorId: 'conflict',
    details: { uuid, parent_uuid: parentUuid },
    resource,
  });

export const invalidTenant = (field: string, message: string, value: unknown) =>
  new InvalidDataError(message, {
    errorId: 'invalid-data',
    details: { [field]: { constraint_id: 'validation', message, value } },
    resource,
  });
