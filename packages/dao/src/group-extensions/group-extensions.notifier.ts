/** group_extension_associated / dissociated {group_id, group_uuid, extension_id}, for the group's tenant. */
import { groupExtensionAssociated, groupExtensionDissociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

interface GroupIdentity {
  id: number;
  uuid: string;
  tenant_uuid: string;
}

const payload = (group: GroupIdentity, extensionId: number) => ({
  group_id: group.id,
  group_uuid: group.uuid,
  extension_id: extensionId,
});

export function createGroupExtensionsNotifier() {
  return {
    associated(tx: Tx, group: GroupIdentity, extensionId: number): void {
      tx.events.add(
        groupExtensionAssociated.build(payload(group, extensionId), { tenantUuid: group.tenant_uuid }),
      );
    },
    dissociated(tx: Tx, group: GroupIdentity, extensionId: number): void {
      tx.events.add(
        groupExtensionDissociated.build(payload(group, extensionId), { tenantUuid: group.tenant_uuid }),
      );
    },
  };
}

export type GroupExtensionsNotifier = ReturnType<typeof createGroupExtensionsNotifier>;
