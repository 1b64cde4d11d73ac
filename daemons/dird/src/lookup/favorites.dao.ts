/** Favorites in dird's database: queries only. */
import type { Tx } from '@wazo-ts/db';
import type { DirdDatabase } from '../db/schema.js';

type Db = Tx<DirdDatabase>['db'];

export interface FavoriteRow {
  sourceUuid: string;
  contactId: string;
}

export const favoritesDao = {
  async ofUser(db: Db, userUuid: string): Promise<FavoriteRow[]> {
    const rows = await db
      .selectFrom('dird_favorite')
      .select(['source_uuid', 'contact_id'])
      .where('user_uuid', '=', userUuid)
      .execute();
    return rows.map((row) => ({ sourceUuid: row.source_uuid, contactId: row.contact_id }));
  },

  /** False when the user already has it. */
  async add(db: Db, userUuid: string, favorite: FavoriteRow): Promise<boolean> {
    const inserted = await db
      .insertInto('dird_favorite')
      .values({ user_uuid: userUuid, source_uuid: favorite.sourceUuid, contact_id: favorite.contactId })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** False when the user had no such favorite. */
  async remove(db: Db, userUuid: string, favorite: FavoriteRow): Promise<boolean> {
    const deleted = await db
      .deleteFrom('dird_favorite')
      .where('user_uuid', '=', userUuid)
      .where('source_uuid', '=', favorite.sourceUuid)
      .where('contact_id', '=', favorite.contactId)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  },

  async removeAllOfUser(db: Db, userUuid: string): Promise<number> {
    const deleted = await db.deleteFrom('dird_favorite').where('user_uuid', '=', userUuid).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  },
};
