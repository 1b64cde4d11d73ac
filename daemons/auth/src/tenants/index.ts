// Tenants of wazo-auth: the tree helpers every resource scopes with, and (later) the tenants API.

export { ensureAllUsersGroup, ensureDefaultGroups } from './tenants.groups.dao.js';
export { allUsersGroupName, type Tenant } from './tenants.model.js';
export { tenantsPlugin, tenantsServiceFor } from './tenants.routes.js';
export {
  ancestorUuids,
  type DbHolder,
  findMasterTenantUuid,
  isVisible,
  visibleTenantUuids,
} from './tenants.scope.dao.js';
export type { TenantsService } from './tenants.service.js';
