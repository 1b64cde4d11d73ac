/**
 * Tenant scoping and "one of these values" as SQL conditions. An empty list matches no row:
 * never "every row", and never Kysely's `IN ()` (a syntax error), so no caller needs its own
 * `if (tenantUuids.length === 0)` guard.
 */
import { type Expression, type SqlBool, sql } from 'kysely';

/** A column of the query, by name (`users.tenant_uuid`) or as an expression. */
export type ColumnRef = string | Expression<unknown>;

const refOf = (column: ColumnRef) => (typeof column === 'string' ? sql.ref(column) : column);

/** `column IN (values)`, or false when `values` is empty. */
export function oneOf(column: ColumnRef, values: readonly unknown[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${refOf(column)} IN (${sql.join([...values])})`;
}

/**
 * The rows of the caller's tenants: `column IN (tenants)`. An empty scope sees nothing, as in
 * Wazo (a token with no tenant) and as is safe.
 */
export function inTenants(column: ColumnRef, tenantUuids: readonly string[]): Expression<SqlBool> {
  return oneOf(column, tenantUuids);
}

/** True when a scope sees no tenant at all: a write or a read can stop before any SQL. */
export const seesNoTenant = (tenantUuids: readonly string[]): boolean => tenantUuids.length === 0;
