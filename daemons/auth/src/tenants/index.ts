// Tenants of wazo-auth: the tree helpers every resource scopes with, and (later) the tenants API.
export {
  ancestorUuids,
  type DbHolder,
  findMasterTenantUuid,
  isUuid,
  isVisible,
  visibleTenantUuids,
} from './tenants.scope.dao.js';
