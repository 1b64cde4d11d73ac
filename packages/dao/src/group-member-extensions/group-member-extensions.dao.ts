/** SQL of a group's extension members (`group_member_extensions`). */
import type { Tx } from '../db/unit-of-work.js';
import type { GroupMemberExtension } from './group-member-extensions.model.js';

export function createGroupMemberExtensionsDao() {
  return {
    /** Replaces all the extension members of the group (already found in the caller's scope). */
    async replace(tx: Tx, groupId: number, members: GroupMemberExtension[]): Promise<void> {
      await tx.db.deleteFrom('group_member_extensions').where('group_id', '=', groupId).execute();
      if (members.length === 0) return;
      await tx.db
        .insertInto('group_member_extensions')
        .values(members.map((member, position) => ({ group_id: groupId, position, ...member })))
        .execute();
    },
  };
}

export type GroupMemberExtensionsDao = ReturnType<typeof createGroupMemberExtensionsDao>;
