export { createTenantSync, type TenantSync } from './tenant-sync.js';
export { tenantSyncPlugin } from './tenant-sync.plugin.js';
