/** Data access for line-extension associations, and who is the main user of the lines involved. */
import type { Tx } from '../db/unit-of-work.js';
import type { LineExtension } from './line-extensions.model.js';

export function createLineExtensionsDao() {
  const links = (tx: Tx) =>
    tx.db.selectFrom('line_extension').select(['line_id', 'extension_id', 'main_extension']);

  return {
    async find(tx: Tx, lineId: number, extensionId: number): Promise<LineExtension | null> {
      const row = await links(tx)
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The line's extensions, main first, then oldest first. */
    listByLine: (tx: Tx, lineId: number): Promise<LineExtension[]> =>
      links(tx)
        .where('line_id', '=', lineId)
        .orderBy('main_extension', 'desc')
        .orderBy('extension_id')
        .execute(),

    listByExtension: (tx: Tx, extensionId: number): Promise<LineExtension[]> =>
      links(tx).where('extension_id', '=', extensionId).orderBy('line_id').execute(),

    /** `{line_id, user_id}` of the main users of these lines. */
    async mainUsersOf(tx: Tx, lineIds: number[]) {
      if (lineIds.length === 0) return [];
      return tx.db
        .selectFrom('user_line')
        .select(['line_id', 'user_id'])
        .where('line_id', 'in', lineIds)
        .where('main_user', '=', true)
        .orderBy('line_id')
        .execute();
    },

    async associate(tx: Tx, link: LineExtension): Promise<void> {
      await tx.db.insertInto('line_extension').values(link).execute();
    },

    async dissociate(tx: Tx, lineId: number, extensionId: number): Promise<void> {
      await tx.db
        .deleteFrom('line_extension')
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .execute();
    },

    async setMainExtension(tx: Tx, lineId: number, extensionId: number): Promise<void> {
      await tx.db
        .updateTable('line_extension')
        .set({ main_extension: true })
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .execute();
    },
  };
}

export type LineExtensionsDao = ReturnType<typeof createLineExtensionsDao>;
