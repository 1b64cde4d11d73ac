/**
 * Marking and unmarking favorites (Wazo's favorites_service): a favorite names a source of the
 * user's tenant by name and an entry id in it; each change is announced to the user
 * (favorite_added / favorite_deleted) from the outbox once committed.
 */
import { favoriteAdded, favoriteDeleted } from '@wazo-ts/bus';
import type { UnitOfWork } from '@wazo-ts/db';
import { ConflictError, NotFoundError } from '@wazo-ts/errors';
import type { DirdDatabase } from '../db/schema.js';
import { favoritesDao } from './favorites.dao.js';
import type { ProfileReader } from './profiles.js';
import { favoriteKey } from './results.js';

export interface FavoriteRef {
  tenantUuid: string;
  userUuid: string;
  sourceName: string;
  contactId: string;
}

export function createFavoritesService(options: {
  uow: UnitOfWork<DirdDatabase>;
  profiles: ProfileReader;
  /** The Wazo uuid, the events' xivo_uuid. */
  xivoUuid: string;
}) {
  const { uow, profiles } = options;

  async function sourceOf(ref: FavoriteRef) {
    const source = await profiles.sourceByName(ref.tenantUuid, ref.sourceName);
    if (!source)
      throw new NotFoundError(`No such source: ${ref.sourceName}`, { details: { source: ref.sourceName } });
    return source;
  }

  const payload = (ref: FavoriteRef) => ({
    xivo_uuid: options.xivoUuid,
    user_uuid: ref.userUuid,
    source: ref.sourceName,
    source_entry_id: ref.contactId,
  });
  const scoping = (ref: FavoriteRef) => ({ tenantUuid: ref.tenantUuid, userUuid: ref.userUuid });

  return {
    async add(ref: FavoriteRef): Promise<void> {
      const source = await sourceOf(ref);
      await uow.run(async (tx) => {
        if (
          !(await favoritesDao.add(tx.db, ref.userUuid, {
            sourceUuid: source.uuid,
            contactId: ref.contactId,
          }))
        )
          throw new ConflictError('Adding this favorite would create a duplicate', {
            details: { source: ref.sourceName, contact_id: ref.contactId },
          });
        tx.events.add(favoriteAdded.build(payload(ref), scoping(ref)));
      });
    },

    async remove(ref: FavoriteRef): Promise<void> {
      const source = await sourceOf(ref);
      await uow.run(async (tx) => {
        if (
          !(await favoritesDao.remove(tx.db, ref.userUuid, {
            sourceUuid: source.uuid,
            contactId: ref.contactId,
          }))
        )
          throw new NotFoundError(`No such favorite: ${ref.contactId} in ${ref.sourceName}`, {
            details: { source: ref.sourceName, contact_id: ref.contactId },
          });
        tx.events.add(favoriteDeleted.build(payload(ref), scoping(ref)));
      });
    },

    /** `user_deleted`: the user's favorites go with it (no event, as Wazo). */
    async userDeleted(userUuid: string): Promise<number> {
      return uow.run((tx) => favoritesDao.removeAllOfUser(tx.db, userUuid));
    },

    async keysOf(userUuid: string): Promise<Set<string>> {
      const rows = await uow.read((tx) => favoritesDao.ofUser(tx.db, userUuid));
      return new Set(rows.map((row) => favoriteKey(row.sourceUuid, row.contactId)));
    },

    async idsBySource(userUuid: string): Promise<Map<string, string[]>> {
      const rows = await uow.read((tx) => favoritesDao.ofUser(tx.db, userUuid));
      const ids = new Map<string, string[]>();
      for (const row of rows) ids.set(row.sourceUuid, [...(ids.get(row.sourceUuid) ?? []), row.contactId]);
      return ids;
    },
  };
}

export type FavoritesService = ReturnType<typeof createFavoritesService>;
