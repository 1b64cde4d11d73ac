/**
 * Data access for user-line associations, and the small reads they need of users and of the
 * line-extension links (who else a line's main extension reaches).
 */
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { AssociatedUser, UserLine } from './user-lines.model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createUserLinesDao() {
  const links = (tx: Tx) =>
    tx.db
      .selectFrom('user_line')
      .innerJoin('users', 'users.id', 'user_line.user_id')
      .select([
        'user_line.user_id',
        'users.uuid as user_uuid',
        'user_line.line_id',
        'user_line.main_user',
        'user_line.main_line',
      ]);

  return {
    /** A user by id or uuid among the scope's tenants. */
    async findUser(tx: Tx, scope: TenantScope, idOrUuid: number | string): Promise<AssociatedUser | null> {
      if (scope.tenantUuids.length === 0) return null;
      let query = tx.db
        .selectFrom('users')
        .select(['id', 'uuid', 'tenant_uuid'])
        .where('tenant_uuid', 'in', scope.tenantUuids);
      if (typeof idOrUuid === 'string' && UUID.test(idOrUuid)) query = query.where('uuid', '=', idOrUuid);
      else if (/^[0-9]{1,9}$/.test(String(idOrUuid))) query = query.where('id', '=', Number(idOrUuid));
      else return null;
      return (await query.executeTakeFirst()) ?? null;
    },

    async usersByIds(tx: Tx, ids: number[]): Promise<AssociatedUser[]> {
      if (ids.length === 0) return [];
      return tx.db.selectFrom('users').select(['id', 'uuid', 'tenant_uuid']).where('id', 'in', ids).execute();
    },

    async find(tx: Tx, userId: number, lineId: number): Promise<UserLine | null> {
      const row = await links(tx)
        .where('user_line.user_id', '=', userId)
        .where('user_line.line_id', '=', lineId)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The user's lines, main line first, then oldest first. */
    listByUser: (tx: Tx, userId: number): Promise<UserLine[]> =>
      links(tx)
        .where('user_line.user_id', '=', userId)
        .orderBy('user_line.main_line', 'desc')
        .orderBy('user_line.line_id')
        .execute(),

    /** The line's users, main user first. */
    listByLine: (tx: Tx, lineId: number): Promise<UserLine[]> =>
      links(tx)
        .where('user_line.line_id', '=', lineId)
        .orderBy('user_line.main_user', 'desc')
        .orderBy('user_line.user_id')
        .execute(),

    /** Whether the user (by uuid) has at least one line: groups ask it before adding a member. */
    async hasLine(tx: Tx, userUuid: string): Promise<boolean> {
      if (!UUID.test(userUuid)) return false;
      const row = await tx.db
        .selectFrom('user_line')
        .innerJoin('users', 'users.id', 'user_line.user_id')
        .select('user_line.line_id')
        .where('users.uuid', '=', userUuid)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The lines that share the line's main extension (itself included), or null without one. */
    async linesSharingMainExtension(tx: Tx, lineId: number) {
      const main = await tx.db
        .selectFrom('line_extension')
        .select('extension_id')
        .where('line_id', '=', lineId)
        .where('main_extension', '=', true)
        .executeTakeFirst();
      if (!main) return null;
      const rows = await tx.db
        .selectFrom('line_extension')
        .select('line_id')
        .where('extension_id', '=', main.extension_id)
        .orderBy('line_id')
        .execute();
      return { extensionId: main.extension_id, lineIds: rows.map((row) => row.line_id) };
    },

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

    async associate(tx: Tx, link: Omit<UserLine, 'user_uuid'>): Promise<void> {
      await tx.db.insertInto('user_line').values(link).execute();
    },

    async dissociate(tx: Tx, userId: number, lineId: number): Promise<void> {
      await tx.db
        .deleteFrom('user_line')
        .where('user_id', '=', userId)
        .where('line_id', '=', lineId)
        .execute();
    },

    async setMainLine(tx: Tx, userId: number, lineId: number): Promise<void> {
      await tx.db
        .updateTable('user_line')
        .set({ main_line: true })
        .where('user_id', '=', userId)
        .where('line_id', '=', lineId)
        .execute();
    },
  };
}

export type UserLinesDao = ReturnType<typeof createUserLinesDao>;
