/**
 * Data access for user-line associations, and the small reads they need of users and of the
 * line-extension links (who else a line's main extension reaches). Every read and write is limited
 * to the caller's tenants (the user's tenant, the line's context's tenant): outside the scope, or
 * with an empty one, nothing is seen or changed.
 */
import { inTenants, isUuid } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { inheritedSipOption } from '../endpoint-sip/endpoint-sip.dao.js';
import type { TenantScope } from '../search/search.js';
import type { AssociatedUser, UserLine, UserMainLine } from './user-lines.model.js';

export function createUserLinesDao() {
  /** Ids of the lines among the scope's tenants (none for an empty scope). */
  const linesIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('line')
      .innerJoin('context', 'context.id', 'line.context_id')
      .select('line.id')
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  const usersIn = (tx: Tx, scope: TenantScope) =>
    tx.db.selectFrom('users').select('users.id').where(inTenants('users.tenant_uuid', scope.tenantUuids));

  const links = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('user_line')
      .innerJoin('users', 'users.id', 'user_line.user_id')
      .select([
        'user_line.user_id',
        'users.uuid as user_uuid',
        'user_line.line_id',
        'user_line.main_user',
        'user_line.main_line',
      ])
      .where(inTenants('users.tenant_uuid', scope.tenantUuids))
      .where('user_line.line_id', 'in', linesIn(tx, scope));

  return {
    /** A user by id or uuid among the scope's tenants. */
    async findUser(tx: Tx, scope: TenantScope, idOrUuid: number | string): Promise<AssociatedUser | null> {
      let query = tx.db
        .selectFrom('users')
        .select(['id', 'uuid', 'tenant_uuid'])
        .where(inTenants('tenant_uuid', scope.tenantUuids));
      if (isUuid(idOrUuid)) query = query.where('uuid', '=', idOrUuid);
      else if (/^[0-9]{1,9}$/.test(String(idOrUuid))) query = query.where('id', '=', Number(idOrUuid));
      else return null;
      return (await query.executeTakeFirst()) ?? null;
    },

    async usersByIds(tx: Tx, scope: TenantScope, ids: number[]): Promise<AssociatedUser[]> {
      if (ids.length === 0) return [];
      return tx.db
        .selectFrom('users')
        .select(['id', 'uuid', 'tenant_uuid'])
        .where('id', 'in', ids)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .execute();
    },

    async find(tx: Tx, scope: TenantScope, userId: number, lineId: number): Promise<UserLine | null> {
      const row = await links(tx, scope)
        .where('user_line.user_id', '=', userId)
        .where('user_line.line_id', '=', lineId)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The user's lines, main line first, then oldest first. */
    async listByUser(tx: Tx, scope: TenantScope, userId: number): Promise<UserLine[]> {
      return links(tx, scope)
        .where('user_line.user_id', '=', userId)
        .orderBy('user_line.main_line', 'desc')
        .orderBy('user_line.line_id')
        .execute();
    },

    /** The line's users, main user first. */
    async listByLine(tx: Tx, scope: TenantScope, lineId: number): Promise<UserLine[]> {
      return links(tx, scope)
        .where('user_line.line_id', '=', lineId)
        .orderBy('user_line.main_user', 'desc')
        .orderBy('user_line.user_id')
        .execute();
    },

    /**
     * The main line of each of these users that has one, with its first extension and its SIP
     * endpoint options: one query for a whole page of users (`DISTINCT ON` the user, main line
     * first then oldest, as `listByUser`; the extension through a lateral join, main one first).
     */
    async mainLinesOf(tx: Tx, scope: TenantScope, userIds: number[]): Promise<UserMainLine[]> {
      if (userIds.length === 0) return [];
      const rows = await links(tx, scope)
        .innerJoin('line', 'line.id', 'user_line.line_id')
        .leftJoinLateral(
          (eb) =>
            eb
              .selectFrom('line_extension')
              .innerJoin('extension', 'extension.id', 'line_extension.extension_id')
              .innerJoin('context', 'context.id', 'extension.context_id')
              .select(['extension.exten', 'context.name as context'])
              .whereRef('line_extension.line_id', '=', 'line.id')
              .orderBy('line_extension.main_extension', 'desc')
              .orderBy('extension.id')
              .limit(1)
              .as('first_extension'),
          (join) => join.onTrue(),
        )
        .distinctOn('user_line.user_id')
        .select([
          'line.protocol',
          'line.provisioning_code',
          'first_extension.exten',
          'first_extension.context',
          inheritedSipOption('line.endpoint_sip_uuid', 'endpoint', 'webrtc').as('webrtc'),
        ])
        .where('user_line.user_id', 'in', userIds)
        .orderBy('user_line.user_id')
        .orderBy('user_line.main_line', 'desc')
        .orderBy('user_line.line_id')
        .execute();
      return rows.map(({ user_uuid: _, main_user: __, main_line: ___, ...row }) => ({
        ...row,
        protocol: row.protocol as UserMainLine['protocol'],
        exten: row.exten ?? null,
        context: row.context ?? null,
        webrtc: row.webrtc ?? null,
      }));
    },

    /** Whether the user (by uuid) has at least one line: groups ask it before adding a member. */
    async hasLine(tx: Tx, scope: TenantScope, userUuid: string): Promise<boolean> {
      if (!isUuid(userUuid)) return false;
      const row = await links(tx, scope).where('users.uuid', '=', userUuid).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /** The lines that share the line's main extension (itself included), or null without one. */
    async linesSharingMainExtension(tx: Tx, scope: TenantScope, lineId: number) {
      const main = await tx.db
        .selectFrom('line_extension')
        .select('extension_id')
        .where('line_id', '=', lineId)
        .where('line_id', 'in', linesIn(tx, scope))
        .where('main_extension', '=', true)
        .executeTakeFirst();
      if (!main) return null;
      const rows = await tx.db
        .selectFrom('line_extension')
        .select('line_id')
        .where('extension_id', '=', main.extension_id)
        .where('line_id', 'in', linesIn(tx, scope))
        .orderBy('line_id')
        .execute();
      return { extensionId: main.extension_id, lineIds: rows.map((row) => row.line_id) };
    },

    /** `{line_id, user_id}` of the main users of these lines. */
    async mainUsersOf(tx: Tx, scope: TenantScope, lineIds: number[]) {
      if (lineIds.length === 0) return [];
      return tx.db
        .selectFrom('user_line')
        .select(['line_id', 'user_id'])
        .where('line_id', 'in', lineIds)
        .where('line_id', 'in', linesIn(tx, scope))
        .where('main_user', '=', true)
        .orderBy('line_id')
        .execute();
    },

    /** False when the user or the line is not in the scope: nothing is written. */
    async associate(tx: Tx, scope: TenantScope, link: Omit<UserLine, 'user_uuid'>): Promise<boolean> {
      const inserted = await tx.db
        .insertInto('user_line')
        .columns(['user_id', 'line_id', 'main_user', 'main_line'])
        .expression(
          usersIn(tx, scope)
            .select((eb) => [
              eb.val(link.line_id).as('line_id'),
              eb.val(link.main_user).as('main_user'),
              eb.val(link.main_line).as('main_line'),
            ])
            .where('users.id', '=', link.user_id)
            .where((eb) => eb(eb.val(link.line_id), 'in', linesIn(tx, scope))),
        )
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** False when no link of a user and line in the scope was removed. */
    async dissociate(tx: Tx, scope: TenantScope, userId: number, lineId: number): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('user_line')
        .where('user_id', '=', userId)
        .where('line_id', '=', lineId)
        .where('user_id', 'in', usersIn(tx, scope))
        .where('line_id', 'in', linesIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    /** Makes `userId` the line's one main user (the others lose the flag); false if the line has no user. */
    async setMainUser(tx: Tx, scope: TenantScope, lineId: number, userId: number): Promise<boolean> {
      const updated = await tx.db
        .updateTable('user_line')
        .set((eb) => ({ main_user: eb('user_id', '=', userId).$castTo<boolean>() }))
        .where('line_id', '=', lineId)
        .where('line_id', 'in', linesIn(tx, scope))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /** Makes `lineId` the user's one main line (the others lose the flag); false if the user has no line. */
    /**
     * Two statements, the old main line cleared before the new one is set: the unique index on a
     * user's main line is checked row by row, so flipping both in one UPDATE fails whenever
     * PostgreSQL happens to visit the new main line first.
     */
    async setMainLine(tx: Tx, scope: TenantScope, userId: number, lineId: number): Promise<boolean> {
      const links = () =>
        tx.db
          .updateTable('user_line')
          .where('user_id', '=', userId)
          .where('user_id', 'in', usersIn(tx, scope))
          .where('line_id', 'in', linesIn(tx, scope));
      await links()
        .set({ main_line: false })
        .where('main_line', '=', true)
        .where('line_id', '!=', lineId)
        .execute();
      const updated = await links().set({ main_line: true }).where('line_id', '=', lineId).executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
  };
}

export type UserLinesDao = ReturnType<typeof createUserLinesDao>;
