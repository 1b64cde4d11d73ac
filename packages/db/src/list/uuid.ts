/**
 * The one UUID check. Wazo's routes match only UUIDs and PostgreSQL refuses to compare a uuid
 * column with anything else, so a value that is not one is "not found" (never a 400 or a 500):
 * callers test it before it reaches SQL.
 */

/** The pattern as text, for SQL's `~*` (a text column that may hold a UUID or not). */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

const UUID = new RegExp(UUID_PATTERN, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
