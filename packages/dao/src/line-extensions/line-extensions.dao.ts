/**
 * Data access for line-extension associations, and who is the main user of the lines involved.
 * Every read and write is limited to the caller's tenants through the line's (and, to associate,
 * the extension's) context: outside the scope, or with an empty one, nothing is seen or changed.
 */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { LineExtension } from './line-extensions.model.js';

export function createLineExtensionsDao() {
  /** Ids of the lines among the scope's tenants (none for an empty scope). */
  const linesIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('line')
      .innerJoin('context', 'context.id', 'line.context_id')
      .select('line.id')
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  const extensionsIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('extension')
      .innerJoin('context', 'context.id', 'extension.context_id')
      .select('extension.id')
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  const links = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('line_extension')
      .select(['line_id', 'extension_id', 'main_extension'])
      .where('line_id', 'in', linesIn(tx, scope));

  return {
    async find(
      tx: Tx,
      scope: TenantScope,
      lineId: number,
      extensionId: number,
    ): Promise<LineExtension | null> {
      const row = await links(tx, scope)
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row ?? null;
    },

    /** The line's extensions, main first, then oldest first. */
    async listByLine(tx: Tx, scope: TenantScope, lineId: number): Promise<LineExtension[]> {
      return links(tx, scope)
        .where('line_id', '=', lineId)
        .orderBy('main_extension', 'desc')
        .orderBy('extension_id')
        .execute();
    },

    async listByExtension(tx: Tx, scope: TenantScope, extensionId: number): Promise<LineExtension[]> {
      return links(tx, scope).where('extension_id', '=', extensionId).orderBy('line_id').execute();
    },

    /** The group the extension serves (group_extension), or null: such an extension takes no line. */
    async groupServing(tx: Tx, extensionId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('group_extension')
        .select('group_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row?.group_id ?? null;
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

    /** False when the line or the extension is not in the scope: nothing is written. */
    async associate(tx: Tx, scope: TenantScope, link: LineExtension): Promise<boolean> {
      const inserted = await tx.db
        .insertInto('line_extension')
        .columns(['line_id', 'extension_id', 'main_extension'])
        .expression(
          linesIn(tx, scope)
            .select((eb) => [
              eb.val(link.extension_id).as('extension_id'),
              eb.val(link.main_extension).as('main_extension'),
            ])
            .where('line.id', '=', link.line_id)
            .where((eb) => eb(eb.val(link.extension_id), 'in', extensionsIn(tx, scope))),
        )
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** False when no link of a line in the scope was removed. */
    async dissociate(tx: Tx, scope: TenantScope, lineId: number, extensionId: number): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('line_extension')
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .where('line_id', 'in', linesIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    async setMainExtension(
      tx: Tx,
      scope: TenantScope,
      lineId: number,
      extensionId: number,
    ): Promise<boolean> {
      const updated = await tx.db
        .updateTable('line_extension')
        .set({ main_extension: true })
        .where('line_id', '=', lineId)
        .where('extension_id', '=', extensionId)
        .where('line_id', 'in', linesIn(tx, scope))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
  };
}

export type LineExtensionsDao = ReturnType<typeof createLineExtensionsDao>;
