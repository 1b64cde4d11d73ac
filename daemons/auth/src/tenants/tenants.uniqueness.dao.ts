/** Uniqueness checks across all tenants (slugs, domains, uuids are global in wazo-auth). */
import { type SqlBool, sql } from 'kysely';
import type { DbHolder } from '../db/auth-db.js';

export async function tenantExists(tx: DbHolder, uuid: string): Promise<boolean> {
  const row = await tx.db.selectFrom('tenant').select('uuid').where('uuid', '=', uuid).executeTakeFirst();
  return row !== undefined;
}

export async function slugTaken(tx: DbHolder, slug: string): Promise<boolean> {
  const row = await tx.db.selectFrom('tenant').select('uuid').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Domains (case-insensitive) already held by a tenant other than `exceptTenant`. */
export async function domainsTaken(
  tx: DbHolder,
  names: readonly string[],
  exceptTenant?: string,
): Promise<string[]> {
  if (names.length === 0) return [];
  let query = tx.db
    .selectFrom('tenant_domain')
    .select('name')
    .where(sql<SqlBool>`lower(name) = ANY(${names.map((n) => n.toLowerCase())}::text[])`);
  if (exceptTenant) query = query.where('tenant_uuid', '<>', exceptTenant);
  return (await query.execute()).map((r) => r.name);
}

/** The contact must be a user of the platform (Wazo's foreign key on contact_uuid). */
export async function userExists(tx: DbHolder, uuid: string): Promise<boolean> {
  const row = await tx.db.selectFrom('auth_user').select('uuid').where('uuid', '=', uuid).executeTakeFirst();
  return row !== undefined;
}
