/** The groups' errors with wazo-auth's wording and ids (`missmatching-tenant` is Wazo's spelling). */
import { ConflictError, ForbiddenError, InvalidDataError, NotFoundError } from '@wazo-ts/errors';

export const unknownGroup = (uuid: string) =>
  new NotFoundError(`No such group: "${uuid}"`, {
    errorId: 'unknown-group',
    details: { uuid },
    resource: 'groups',
  });

export const systemGroupForbidden = (uuid: string) =>
  new ForbiddenError(`Forbidden group modification: "${uuid}"`, {
    errorId: 'forbidden-group',
    details: { uuid },
    resource: 'groups',
  });

/** Legacy body in Wazo (a TokenServiceException). */
export const duplicateGroup = (name: string) =>
  new ConflictError(`Group "${name}" already exists`, { errorId: 'duplicate-group', details: { name } });

export const mismatchingTenant = (userTenantUuid: string, groupTenantUuid: string) =>
  new InvalidDataError('Ressources are not in the same tenant', {
    errorId: 'missmatching-tenant',
    details: { user_tenant_uuid: userTenantUuid, group_tenant_uuid: groupTenantUuid },
    resource: 'groups',
  });
