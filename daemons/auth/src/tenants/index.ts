// Tenants of wazo-auth: the tenants API, and the all-users groups every tenant gets.
export { ensureAllUsersGroup, ensureDefaultGroups } from './tenants.groups.dao.js';
export { allUsersGroupName, type Tenant } from './tenants.model.js';
export { tenantsPlugin } from './tenants.routes.js';
export { createTenantsService, type TenantsService } from './tenants.service.js';
export { createTenantsValidator } from './tenants.validator.js';
