/** The call permissions' events: call_permission_created/edited/deleted {id}, for its tenant. */
import { callPermissionCreated, callPermissionDeleted, callPermissionEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { CallPermission } from './call-permissions.model.js';

type Identity = Pick<CallPermission, 'id' | 'tenant_uuid'>;
const scoping = (permission: Identity) => ({ tenantUuid: permission.tenant_uuid });

export function createCallPermissionsNotifier() {
  return {
    created(tx: Tx, permission: Identity): void {
      tx.events.add(callPermissionCreated.build({ id: permission.id }, scoping(permission)));
    },
    edited(tx: Tx, permission: Identity): void {
      tx.events.add(callPermissionEdited.build({ id: permission.id }, scoping(permission)));
    },
    deleted(tx: Tx, permission: Identity): void {
      tx.events.add(callPermissionDeleted.build({ id: permission.id }, scoping(permission)));
    },
  };
}

export type CallPermissionsNotifier = ReturnType<typeof createCallPermissionsNotifier>;
