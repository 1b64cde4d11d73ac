/**
 * Tenant tree queries every resource uses for scoping (reference §5): the subtree a scoping tenant
 * sees, whether one tenant is inside another's subtree, and the master tenant. The master tenant is
 * its own parent, so the recursive walks below stop at it instead of looping.
 */
import { isUuid } from '@wazo-ts/db';
import { type Kysely, sql } from 'kysely';
import type { AuthDatabase } from '../db/schema.js';

/** A `Tx<AuthDatabase>`, or anything holding the database (a transaction is a Kysely too). */
export interface DbHolder {
  readonly db: Kysely<AuthDatabase>;
}

/**
 * The tenant and all its descendants (recursive CTE on `parent_uuid`); empty when the tenant does
 * not exist. Pass the result as a `TenantScope` to scope a `recurse=true` list.
 */
export async function visibleTenantUuids(tx: DbHolder, tenantUuid: string): Promise<string[]> {
  if (!isUuid(tenantUuid)) return [];
  const { rows } = await sql<{ uuid: string }>`
    WITH RECURSIVE subtree(uuid) AS (
      SELECT uuid FROM tenant WHERE uuid = ${tenantUuid}::uuid
      UNION
      SELECT child.uuid FROM tenant child JOIN subtree ON child.parent_uuid = subtree.uuid
      WHERE child.uuid <> child.parent_uuid
    )
    SELECT uuid::text AS uuid FROM subtree`.execute(tx.db);
  return rows.map((row) => row.uuid);
}

/**
 * True when `targetTenant` is `fromTenant` or one of its descendants: what a token scoped to
 * `fromTenant` may see. Walks up from the target, which is at most the tree's depth.
 */
export async function isVisible(tx: DbHolder, fromTenant: string, targetTenant: string): Promise<boolean> {
  if (!isUuid(fromTenant) || !isUuid(targetTenant)) return false;
  const { rows } = await sql<{ found: boolean }>`
    WITH RECURSIVE ancestors(uuid, parent_uuid) AS (
      SELECT uuid, parent_uuid FROM tenant WHERE uuid = ${targetTenant}::uuid
      UNION
      SELECT t.uuid, t.parent_uuid FROM tenant t JOIN ancestors a ON t.uuid = a.parent_uuid
      WHERE a.uuid <> a.parent_uuid
    )
    SELECT EXISTS (SELECT 1 FROM ancestors WHERE uuid = ${fromTenant}::uuid) AS found`.execute(tx.db);
  return rows[0]?.found === true;
}

/** The tenant's ancestors, nearest first, master included; not the tenant itself. */
export async function ancestorUuids(tx: DbHolder, tenantUuid: string): Promise<string[]> {
  if (!isUuid(tenantUuid)) return [];
  const { rows } = await sql<{ uuid: string; depth: number }>`
    WITH RECURSIVE ancestors(uuid, parent_uuid, depth) AS (
      SELECT uuid, parent_uuid, 0 FROM tenant WHERE uuid = ${tenantUuid}::uuid
      UNION ALL
      SELECT t.uuid, t.parent_uuid, a.depth + 1 FROM tenant t JOIN ancestors a ON t.uuid = a.parent_uuid
      WHERE a.uuid <> a.parent_uuid
    )
    SELECT uuid::text AS uuid, depth FROM ancestors WHERE depth > 0 ORDER BY depth`.execute(tx.db);
  return rows.map((row) => row.uuid);
}

/** The master (top) tenant's uuid: the one that is its own parent; null before the seeding. */
export async function findMasterTenantUuid(tx: DbHolder): Promise<string | null> {
  const row = await tx.db
    .selectFrom('tenant')
    .select('uuid')
    .whereRef('uuid', '=', 'parent_uuid')
    .executeTakeFirst();
  return row?.uuid ?? null;
}
