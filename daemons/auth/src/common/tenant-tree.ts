/** The tenant tree as services see it: injected, so a service never runs the query itself. */
import type { Tx } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';

export interface TenantTree {
  /** The tenant and its descendants; empty when it does not exist. */
  subtree(tx: Tx<AuthDatabase>, tenantUuid: string): Promise<string[]>;
  /** The master tenant (its own parent), null before the seeding. */
  master(tx: Tx<AuthDatabase>): Promise<string | null>;
}
