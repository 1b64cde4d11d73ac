/**
 * The user forwards dao: the forward_* columns of the users table (they live on the user row, as
 * in Wazo). Reads and writes are scoped to tenants.
 */
import { inTenants, seesNoTenant } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import { findUserRow } from '../users/users.dao.js';
import { forwardsFromRow } from '../users/users.mapping.js';
import type { UserKey, UserRef } from '../users/users.model.js';
import type { UserForwardName, UserForwards } from './user-forwards.model.js';

export interface UserWithForwards {
  user: UserRef;
  forwards: UserForwards;
}

export function createUserForwardsDao() {
  return {
    async find(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserWithForwards | undefined> {
      const row = await findUserRow(tx, scope, key);
      if (!row) return undefined;
      return {
        user: { id: row.id, uuid: row.uuid, tenant_uuid: row.tenant_uuid },
        forwards: forwardsFromRow(row),
      };
    },

    /** Writes the forwards given, whole (enabled and destination). */
    async update(tx: Tx, scope: TenantScope, userId: number, forwards: Partial<UserForwards>): Promise<void> {
      const changes: Record<string, boolean | string | null> = {};
      for (const [name, forward] of Object.entries(forwards) as [
        UserForwardName,
        UserForwards[UserForwardName],
      ][]) {
        changes[`forward_${name}_enabled`] = forward.enabled;
        changes[`forward_${name}_destination`] = forward.destination;
      }
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

export type UserForwardsDao = ReturnType<typeof createUserForwardsDao>;
