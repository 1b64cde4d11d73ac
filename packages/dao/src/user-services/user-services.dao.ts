/**
 * The user services dao: the dnd and incallfilter columns of the users table (they live on the
 * user row, as in Wazo). Reads and writes are scoped to tenants.
 */
import { inTenants, seesNoTenant } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { findUserRow } from '../users/users.dao.js';
import { servicesFromRow } from '../users/users.mapping.js';
import type { UserKey, UserRef } from '../users/users.model.js';
import type { UserServiceName, UserServices } from './user-services.model.js';

export interface UserWithServices {
  user: UserRef;
  services: UserServices;
}

const COLUMNS = { dnd: 'dnd_enabled', incallfilter: 'incallfilter_enabled' } as const;

export function createUserServicesDao() {
  return {
    async find(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithServices | undefined> {
      const row = await findUserRow(tx, scope, key);
      if (!row) return undefined;
      return {
        user: { id: row.id, uuid: row.uuid, tenant_uuid: row.tenant_uuid },
        services: servicesFromRow(row),
      };
    },

    async update(
      tx: Tx,
      scope: TenantScope,
      userId: number,
      enabled: Partial<Record<UserServiceName, boolean>>,
    ): Promise<void> {
      const changes = Object.fromEntries(
        Object.entries(enabled).map(([name, value]) => [COLUMNS[name as UserServiceName], value]),
      );
      if (Object.keys(changes).length === 0 || seesNoTenant(scope.tenantUuids)) return;
      await tx.db
        .updateTable('users')
        .set(changes)
        .where('id', '=', userId)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .execute();
    },
  };
}

export type UserServicesDao = ReturnType<typeof createUserServicesDao>;
