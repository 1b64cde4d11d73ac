/** `group_member_extensions_associated {group_id, group_uuid, extensions: [{exten, context}]}`, tenant-wide. */
import { groupMemberExtensionsAssociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Group } from '../groups/groups.model.js';
import type { GroupMemberExtension } from './group-member-extensions.model.js';

export function createGroupMemberExtensionsNotifier() {
  return {
    associated(
      tx: Tx,
      group: Pick<Group, 'id' | 'uuid' | 'tenant_uuid'>,
      members: GroupMemberExtension[],
    ): void {
      const extensions = members.map(({ exten, context }) => ({ exten, context }));
      const data = { group_id: group.id, group_uuid: group.uuid, extensions };
      tx.events.add(groupMemberExtensionsAssociated.build(data, { tenantUuid: group.tenant_uuid }));
    },
  };
}

export type GroupMemberExtensionsNotifier = ReturnType<typeof createGroupMemberExtensionsNotifier>;
