/** dird_tenant: the tenants dird holds configuration for, with their country. */
import type { Kysely } from 'kysely';
import type { DirdDatabase } from '../db/schema.js';

type Db = Kysely<DirdDatabase>;

/** The parent row of every configuration row of the tenant: made on first use. */
export async function ensureTenant(db: Db, tenantUuid: string): Promise<boolean> {
  const inserted = await db
    .insertInto('dird_tenant')
    .values({ uuid: tenantUuid })
    .onConflict((c) => c.doNothing())
    .returning('uuid')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Marks the tenant provisioned; false when it already was (the caller then does nothing). */
export async function claimProvisioning(db: Db, tenantUuid: string): Promise<boolean> {
  await ensureTenant(db, tenantUuid);
  const claimed = await db
    .updateTable('dird_tenant')
    .set({ provisioned: true })
    .where('uuid', '=', tenantUuid)
    .where('provisioned', '=', false)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

export async function setCountry(db: Db, tenantUuid: string, country: string | null): Promise<void> {
  await db
    .insertInto('dird_tenant')
    .values({ uuid: tenantUuid, country })
    .onConflict((c) => c.column('uuid').doUpdateSet({ country }))
    .execute();
}

/** Removes the tenant and, by cascade, all its sources, displays and profiles. */
export async function deleteTenant(db: Db, tenantUuid: string): Promise<boolean> {
  const deleted = await db.deleteFrom('dird_tenant').where('uuid', '=', tenantUuid).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function tenantUuids(db: Db): Promise<string[]> {
  return (await db.selectFrom('dird_tenant').select('uuid').execute()).map((r) => r.uuid);
}
