/**
 * The update and the delete of one row of a tenant's resource, by its key, when its tenant is in
 * the caller's scope: the two statements every resource's dao wrote out again. A row outside the
 * scope is neither changed nor deleted (undefined, false), which the service turns into its 404.
 */
import { inTenants } from '@wazo-ts/db';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { TenantScope } from '../search/search.js';
import type { Database } from './database.js';
import type { Tx } from './unit-of-work.js';

/** The tables holding a tenant's rows (a `tenant_uuid` column). */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { tenant_uuid: unknown } ? T : never;
}[keyof Database];

/** The key column and value naming one row (`id` by default; `uuid` for some resources). */
type RowKey = number | { column: 'uuid'; value: string };

// Kysely cannot check a column shared by a union of tables: the one cast, on the builder.
const untyped = (tx: Tx) => tx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
const keyOf = (key: RowKey) => (typeof key === 'number' ? { column: 'id', value: key } : key);

/** `columns` written to the row `key` of `table` if in scope; the row as written, or undefined. */
export async function updateInScope<T extends TenantTable>(
  tx: Tx,
  table: T,
  scope: TenantScope,
  key: RowKey,
  columns: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  const { column, value } = keyOf(key);
  const row = await untyped(tx)
    .updateTable(table as string)
    .set(columns as Record<string, unknown>)
    .where(column, '=', value)
    .where(inTenants('tenant_uuid', scope.tenantUuids))
    .returningAll()
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

/** Deletes the row `key` of `table` if in scope; whether it did. */
export async function deleteInScope(
  tx: Tx,
  table: TenantTable,
  scope: TenantScope,
  key: RowKey,
): Promise<boolean> {
  const { column, value } = keyOf(key);
  const result = await untyped(tx)
    .deleteFrom(table as string)
    .where(column, '=', value)
    .where(inTenants('tenant_uuid', scope.tenantUuids))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
