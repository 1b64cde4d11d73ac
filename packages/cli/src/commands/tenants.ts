/** `wazo tenant ...`: wazo-auth's /tenants (the token's tenant and those below it). */

import { type ResourceSpec, resourceCommand } from './crud.js';
import type { Io } from './runtime.js';

const spec: ResourceSpec = {
  noun: 'tenant',
  service: 'auth',
  path: '/tenants',
  idLabel: 'tenant uuid',
  columns: ['uuid', 'name', 'slug', 'parent_uuid', 'domain_names'],
  filters: ['name', 'slug', 'domain_name'],
  fields: [
    { key: 'name', description: 'display name' },
    { key: 'slug', description: 'short unique name, 1-10 of [A-Za-z0-9_] (create only)' },
    { key: 'contact', description: 'uuid of the contact user', value: 'uuid' },
    { key: 'phone', description: 'phone number' },
    { key: 'domain_names', description: 'domain names, comma-separated (repeatable)', type: 'list' },
    { key: 'default_authentication_method', description: 'native, ldap or saml', value: 'method' },
  ],
  // wazo-auth's PUT replaces the tenant: unspecified fields would be cleared.
  replaceOnEdit: ['name', 'contact', 'phone', 'domain_names', 'address', 'default_authentication_method'],
};

export const tenantCommand = (io: Io) => resourceCommand(io, spec, 'tenants (wazo-auth)');
