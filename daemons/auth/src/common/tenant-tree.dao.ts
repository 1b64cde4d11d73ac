/** The TenantTree over wazo-auth's database (the tenants' own scope queries). */
import { findMasterTenantUuid, visibleTenantUuids } from '../tenants/tenants.scope.dao.js';
import type { TenantTree } from './tenant-tree.js';

export const tenantTree: TenantTree = {
  subtree: (tx, tenantUuid) => visibleTenantUuids(tx, tenantUuid),
  master: (tx) => findMasterTenantUuid(tx),
};
