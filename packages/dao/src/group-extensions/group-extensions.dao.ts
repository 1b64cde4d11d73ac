/**
 * Data access for group-extension associations. The group and the extension were found in the
 * caller's scope first; these read and write the link by their ids.
 */
import type { Tx } from '../db/unit-of-work.js';

export function createGroupExtensionsDao() {
  return {
    /** The extension of the group, or null. */
    async extensionOf(tx: Tx, groupId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('group_extension')
        .select('extension_id')
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      return row?.extension_id ?? null;
    },

    /** The group the extension serves, or null. */
    async groupOf(tx: Tx, extensionId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('group_extension')
        .select('group_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row?.group_id ?? null;
    },

    /** A line the extension is associated with, or null. */
    async lineOf(tx: Tx, extensionId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('line_extension')
        .select('line_id')
        .where('extension_id', '=', extensionId)
        .orderBy('line_id')
        .executeTakeFirst();
      return row?.line_id ?? null;
    },

    async associate(tx: Tx, groupId: number, extensionId: number): Promise<void> {
      await tx.db
        .insertInto('group_extension')
        .values({ group_id: groupId, extension_id: extensionId })
        .execute();
    },

    async dissociate(tx: Tx, groupId: number, extensionId: number): Promise<void> {
      await tx.db
        .deleteFrom('group_extension')
        .where('group_id', '=', groupId)
        .where('extension_id', '=', extensionId)
        .execute();
    },
  };
}

export type GroupExtensionsDao = ReturnType<typeof createGroupExtensionsDao>;
