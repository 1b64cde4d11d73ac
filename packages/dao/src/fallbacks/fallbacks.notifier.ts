/**
 * The fallbacks' events: `user_fallback_edited` (user payload), `group_fallback_edited` {id, uuid}
 * and `call_filter_fallback_edited` {id}.
 */
import { callFilterFallbackEdited, groupFallbackEdited, userFallbackEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Group } from '../groups/groups.model.js';
import type { User } from '../users/users.model.js';
import { userPayload } from '../users/users.notifier.js';

export function createFallbacksNotifier() {
  return {
    userEdited(tx: Tx, user: User): void {
      const scoping = { tenantUuid: user.tenant_uuid, userUuid: user.uuid };
      tx.events.add(userFallbackEdited.build(userPayload(user), scoping));
    },
    groupEdited(tx: Tx, group: Pick<Group, 'id' | 'uuid' | 'tenant_uuid'>): void {
      tx.events.add(
        groupFallbackEdited.build({ id: group.id, uuid: group.uuid }, { tenantUuid: group.tenant_uuid }),
      );
    },
    callFilterEdited(tx: Tx, filter: { id: number; tenant_uuid: string }): void {
      tx.events.add(callFilterFallbackEdited.build({ id: filter.id }, { tenantUuid: filter.tenant_uuid }));
    },
  };
}

export type FallbacksNotifier = ReturnType<typeof createFallbacksNotifier>;
