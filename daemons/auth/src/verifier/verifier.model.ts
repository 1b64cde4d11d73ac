/** The tenant tree as services need it (implemented by tenant-tree.dao.ts and the token dao). */
import type { AuthDb } from './tenant-tree.dao.js';

export interface TenantTree {
  subtreeOf(db: AuthDb, tenantUuid: string): Promise<string[]>;
  isInSubtree(db: AuthDb, root: string, candidate: string): Promise<boolean>;
  topTenantOf(db: AuthDb): Promise<string | null>;
  /** The user's current tenant, null when the user does not exist. */
  userTenant(db: AuthDb, userUuid: string): Promise<string | null>;
}
