/**
 * The tenant tree as services see it: injected (tenant-tree.dao.ts implements it), so a service
 * never writes the walk itself. Each query reads through the database or transaction it is given.
 */
import type { AuthDb } from '../db/auth-db.js';

export interface TenantTree {
  /** The tenant and its descendants; empty when it does not exist. */
  subtreeOf(db: AuthDb, tenantUuid: string): Promise<string[]>;
  /** True when `candidate` is `root` or one of its descendants. */
  isInSubtree(db: AuthDb, root: string, candidate: string): Promise<boolean>;
  /** The tenant's ancestors, nearest first, master included. */
  ancestorsOf(db: AuthDb, tenantUuid: string): Promise<string[]>;
  /** The master tenant (its own parent), null before the seeding. */
  masterTenantOf(db: AuthDb): Promise<string | null>;
  /** The user's current tenant, null when the user does not exist. */
  userTenantOf(db: AuthDb, userUuid: string): Promise<string | null>;
}
