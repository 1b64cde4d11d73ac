/**
 * Idempotent seeding run at every start, after the migrations and before the API serves: the
 * master tenant (created once, so its uuid is stable across restarts), the master policy and
 * each tenant's all-users group.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuthDatabase } from '../db/schema.js';
import { ensureAllUsersGroup } from '../tenants/tenants.groups.dao.js';
import { allTenantUuids, ensureMasterPolicy, ensureMasterTenant, lockSeeding } from './seed.dao.js';

export interface SeedResult {
  masterTenantUuid: string;
  masterPolicyUuid: string;
}

export async function seedAuthDatabase(
  db: Kysely<AuthDatabase>,
  options: { allUsersPolicies?: Record<string, boolean>; logger?: Pick<Logger, 'info'> } = {},
): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const tx = { db: trx };
    await lockSeeding(tx);
    const master = await ensureMasterTenant(tx);
    if (master.created) options.logger?.info({ tenant_uuid: master.uuid }, 'created the master tenant');
    const masterPolicyUuid = await ensureMasterPolicy(tx, master.uuid);
    for (const tenantUuid of await allTenantUuids(tx))
      await ensureAllUsersGroup(tx, tenantUuid, options.allUsersPolicies ?? {});
    return { masterTenantUuid: master.uuid, masterPolicyUuid };
  });
}
