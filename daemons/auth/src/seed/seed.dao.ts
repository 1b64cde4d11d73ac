/**
 * The rows wazo-auth needs before it serves (Wazo's baseline migration seeds the same): the master
 * tenant, its own parent, and the master policy granting everything.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHolder } from '../db/auth-db.js';

export const MASTER_POLICY_SLUG = 'wazo_default_master_user_policy';
const MASTER_POLICY_DESCRIPTION =
  'Default Wazo policy for the "master" user\n\nDo not modify this policy, it can be modified in future Wazo upgrades\n';

/** Two daemons starting on one database seed one master: the second waits, then finds it. */
export async function lockSeeding(tx: DbHolder): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('wazo-auth-startup-seed'))`.execute(tx.db);
}

/** The master tenant's uuid, created (slug and name `master`) when the database has none. */
export async function ensureMasterTenant(tx: DbHolder): Promise<{ uuid: string; created: boolean }> {
  const existing = await tx.db
    .selectFrom('tenant')
    .select('uuid')
    .whereRef('uuid', '=', 'parent_uuid')
    .executeTakeFirst();
  if (existing) return { uuid: existing.uuid, created: false };
  const uuid = randomUUID();
  await tx.db
    .insertInto('tenant')
    .values({
      uuid,
      parent_uuid: uuid,
      name: 'master',
      slug: 'master',
      phone: null,
      contact_uuid: null,
      address: null,
      default_authentication_method: 'native',
    })
    .execute();
  return { uuid, created: true };
}

/** The master policy (`#`) in the master tenant; its access list is restored if edited away. */
export async function ensureMasterPolicy(tx: DbHolder, masterUuid: string): Promise<string> {
  await tx.db
    .insertInto('policy')
    .values({
      tenant_uuid: masterUuid,
      name: MASTER_POLICY_SLUG,
      slug: MASTER_POLICY_SLUG,
      description: MASTER_POLICY_DESCRIPTION,
    })
    .onConflict((oc) => oc.columns(['tenant_uuid', 'slug']).doNothing())
    .execute();
  const policy = await tx.db
    .selectFrom('policy')
    .select('uuid')
    .where('tenant_uuid', '=', masterUuid)
    .where('slug', '=', MASTER_POLICY_SLUG)
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('policy_access')
    .values({ policy_uuid: policy.uuid, access: '#', position: 0 })
    .onConflict((oc) => oc.columns(['policy_uuid', 'access']).doNothing())
    .execute();
  return policy.uuid;
}

export async function allTenantUuids(tx: DbHolder): Promise<string[]> {
  return (await tx.db.selectFrom('tenant').select('uuid').execute()).map((r) => r.uuid);
}
