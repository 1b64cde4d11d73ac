export { createMasterTenant, type MasterTenant } from './master-tenant.js';
export { masterTenantPlugin } from './master-tenant.plugin.js';
