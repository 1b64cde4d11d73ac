/**
 * The tenant tree, read from wazo-auth's `tenant` table. The master tenant is its own parent, so
 * every walk stops on `uuid = parent_uuid` and uses UNION (not UNION ALL) to survive a cycle.
 */
import type { Tx } from '@wazo-ts/db';
import { isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDatabase } from '../db/schema.js';

export type AuthDb = Tx<AuthDatabase>['db'];

/** `tenantUuid` and all its descendants; empty when the tenant does not exist. */
export async function subtreeOf(db: AuthDb, tenantUuid: string): Promise<string[]> {
  if (!isUuid(tenantUuid)) return [];
  const { rows } = await sql<{ uuid: string }>`
    WITH RECURSIVE tree(uuid) AS (
      SELECT uuid FROM tenant WHERE uuid = ${tenantUuid}
      UNION
      SELECT t.uuid FROM tenant t JOIN tree ON t.parent_uuid = tree.uuid WHERE t.uuid <> t.parent_uuid
    )
    SELECT uuid::text AS uuid FROM tree`.execute(db);
  return rows.map((row) => row.uuid);
}

/** True when `candidate` is `root` or one of its descendants (walks up from the candidate). */
export async function isInSubtree(db: AuthDb, root: string, candidate: string): Promise<boolean> {
  if (!isUuid(root) || !isUuid(candidate)) return false;
  const { rows } = await sql<{ found: number }>`
    WITH RECURSIVE up(uuid, parent_uuid) AS (
      SELECT uuid, parent_uuid FROM tenant WHERE uuid = ${candidate}
      UNION
      SELECT t.uuid, t.parent_uuid FROM tenant t JOIN up ON t.uuid = up.parent_uuid
        WHERE up.uuid <> up.parent_uuid
    )
    SELECT 1 AS found FROM up WHERE uuid = ${root} LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** The master tenant (its own parent), or null before the bootstrap created it. */
export async function topTenantOf(db: AuthDb): Promise<string | null> {
  const row = await db
    .selectFrom('tenant')
    .select('uuid')
    .whereRef('uuid', '=', 'parent_uuid')
    .limit(1)
    .executeTakeFirst();
  return row?.uuid ?? null;
}

/** The user's current tenant, null when the user does not exist. */
export async function userTenantOf(db: AuthDb, userUuid: string): Promise<string | null> {
  if (!isUuid(userUuid)) return null;
  const { rows } = await sql<{ tenant: string }>`
    SELECT tenant_uuid::text AS tenant FROM auth_user WHERE uuid = ${userUuid}`.execute(db);
  return rows[0]?.tenant ?? null;
}

export const tenantTree = {
  subtreeOf,
  isInSubtree,
  topTenantOf,
  userTenant: userTenantOf,
};
