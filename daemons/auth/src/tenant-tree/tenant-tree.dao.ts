/**
 * The tenant tree, read from wazo-auth's `tenant` table (reference §5): the one place its walks are
 * written. The master tenant is its own parent, so every walk stops on `uuid = parent_uuid`, and
 * the set walks use UNION (not UNION ALL) to survive a cycle. A value that is not a uuid names no
 * tenant and never reaches a `::uuid` cast.
 */

import { isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';
import type { TenantTree } from './tenant-tree.model.js';

/** `tenantUuid` and all its descendants; empty when the tenant does not exist. */
export async function subtreeOf(db: AuthDb, tenantUuid: string): Promise<string[]> {
  if (!isUuid(tenantUuid)) return [];
  const { rows } = await sql<{ uuid: string }>`
    WITH RECURSIVE tree(uuid) AS (
      SELECT uuid FROM tenant WHERE uuid = ${tenantUuid}::uuid
      UNION
      SELECT t.uuid FROM tenant t JOIN tree ON t.parent_uuid = tree.uuid WHERE t.uuid <> t.parent_uuid
    )
    SELECT uuid::text AS uuid FROM tree`.execute(db);
  return rows.map((row) => row.uuid);
}

/**
 * True when `candidate` is `root` or one of its descendants: what a token scoped to `root` may
 * see. Walks up from the candidate, which is at most the tree's depth.
 */
export async function isInSubtree(db: AuthDb, root: string, candidate: string): Promise<boolean> {
  if (!isUuid(root) || !isUuid(candidate)) return false;
  const { rows } = await sql<{ found: number }>`
    WITH RECURSIVE up(uuid, parent_uuid) AS (
      SELECT uuid, parent_uuid FROM tenant WHERE uuid = ${candidate}::uuid
      UNION
      SELECT t.uuid, t.parent_uuid FROM tenant t JOIN up ON t.uuid = up.parent_uuid
        WHERE up.uuid <> up.parent_uuid
    )
    SELECT 1 AS found FROM up WHERE uuid = ${root}::uuid LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** The tenant's ancestors, nearest first, master included; not the tenant itself. */
export async function ancestorsOf(db: AuthDb, tenantUuid: string): Promise<string[]> {
  if (!isUuid(tenantUuid)) return [];
  const { rows } = await sql<{ uuid: string; depth: number }>`
    WITH RECURSIVE up(uuid, parent_uuid, depth) AS (
      SELECT uuid, parent_uuid, 0 FROM tenant WHERE uuid = ${tenantUuid}::uuid
      UNION ALL
      SELECT t.uuid, t.parent_uuid, up.depth + 1 FROM tenant t JOIN up ON t.uuid = up.parent_uuid
        WHERE up.uuid <> up.parent_uuid
    )
    SELECT uuid::text AS uuid, depth FROM up WHERE depth > 0 ORDER BY depth`.execute(db);
  return rows.map((row) => row.uuid);
}

/** The master (top) tenant: the one that is its own parent; null before the seeding. */
export async function masterTenantOf(db: AuthDb): Promise<string | null> {
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
    SELECT tenant_uuid::text AS tenant FROM auth_user WHERE uuid = ${userUuid}::uuid`.execute(db);
  return rows[0]?.tenant ?? null;
}

/** The queries above as the TenantTree services receive. */
export const tenantTree: TenantTree = { subtreeOf, isInSubtree, ancestorsOf, masterTenantOf, userTenantOf };
