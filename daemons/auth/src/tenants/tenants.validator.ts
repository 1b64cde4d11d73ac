/** Checks a tenant body against the rules the JSON schema cannot express: uniqueness, references. */

import type { DbHolder } from '../db/auth-db.js';
import {
  columnConflict,
  domainConflict,
  invalidTenant,
  unknownContact,
  uuidConflict,
} from './tenants.errors.js';
import { AUTHENTICATION_METHODS, TENANT_SLUG, type TenantCreate, type TenantEdit } from './tenants.model.js';
import type * as uniqueness from './tenants.uniqueness.dao.js';

export type TenantsUniquenessDao = typeof uniqueness;

export interface TenantsValidator {
  create(tx: DbHolder, input: TenantCreate): Promise<void>;
  edit(tx: DbHolder, uuid: string, input: TenantEdit): Promise<void>;
}

async function commonChecks(
  dao: TenantsUniquenessDao,
  tx: DbHolder,
  input: TenantEdit,
  exceptTenant?: string,
): Promise<void> {
  const method = input.default_authentication_method;
  if (!(AUTHENTICATION_METHODS as readonly string[]).includes(method))
    throw invalidTenant(
      'default_authentication_method',
      `Invalid default authentication method ${method}`,
      method,
    );
  const taken = await dao.domainsTaken(tx, input.domain_names, exceptTenant);
  if (taken.length > 0) throw domainConflict(input.domain_names);
  if (input.contact && !(await dao.userExists(tx, input.contact))) throw unknownContact(input.contact);
}

export function createTenantsValidator(dao: TenantsUniquenessDao): TenantsValidator {
  return {
    async create(tx, input) {
      if (input.slug != null && !TENANT_SLUG.test(input.slug))
        throw invalidTenant('slug', 'String does not match expected pattern.', input.slug);
      if (input.uuid && (await dao.tenantExists(tx, input.uuid))) throw uuidConflict(input.uuid);
      if (input.slug && (await dao.slugTaken(tx, input.slug))) throw columnConflict('slug', input.slug);
      await commonChecks(dao, tx, input);
    },
    edit: (tx, uuid, input) => commonChecks(dao, tx, input, uuid),
  };
}
