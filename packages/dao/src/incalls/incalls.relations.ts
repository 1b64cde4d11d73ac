/**
 * What other resources show of the incalls (read-only, as Wazo's nested IncallSchema dumps it):
 * an incall's extensions, and the incalls sending calls to a user, a group... (`incalls` of a
 * user or a group: those whose destination names it).
 */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { IncallExtensionSummary, IncallRelation } from './incalls.model.js';

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The extensions of each incall of `ids`, by incall id. */
export async function extensionsOf(tx: Tx, ids: number[]): Promise<Map<number, IncallExtensionSummary[]>> {
  const extensions = new Map<number, IncallExtensionSummary[]>();
  if (ids.length === 0) return extensions;
  const rows = await tx.db
    .selectFrom('incall_extension as ie')
    .innerJoin('extension as e', 'e.id', 'ie.extension_id')
    .innerJoin('context as c', 'c.id', 'e.context_id')
    .select(['ie.incall_id', 'e.id', 'e.exten', 'c.name as context'])
    .where('ie.incall_id', 'in', ids)
    .orderBy('e.id')
    .execute();
  for (const { incall_id, ...extension } of rows) push(extensions, incall_id, extension);
  return extensions;
}

/**
 * The incalls (id and extensions) whose destination is `type` naming a target of `ids` by
 * `field`, by target (as text: `'42'`), each list by incall id.
 */
export async function incallsRoutingTo(
  tx: Tx,
  type: string,
  field: string,
  ids: readonly (number | string)[],
): Promise<Map<string, IncallRelation[]>> {
  const byTarget = new Map<string, IncallRelation[]>();
  if (ids.length === 0) return byTarget;
  const rows = await tx.db
    .selectFrom('incall_destination as d')
    .select(['d.incall_id', sql<string>`d.destination ->> ${field}`.as('target')])
    .where(sql<boolean>`d.destination ->> 'type' = ${type}`)
    .where(sql<boolean>`d.destination ->> ${field} IN (${sql.join(ids.map((id) => String(id)))})`)
    .orderBy('d.incall_id')
    .execute();
  const extensions = await extensionsOf(
    tx,
    rows.map((row) => row.incall_id),
  );
  for (const row of rows) {
    const list = byTarget.get(row.target) ?? [];
    list.push({ id: row.incall_id, extensions: extensions.get(row.incall_id) ?? [] });
    byTarget.set(row.target, list);
  }
  return byTarget;
}

/** The numbers of the incalls sending calls to the user, by incall id (Wazo's `associated` caller ids). */
export async function incallNumbersOf(tx: Tx, userId: number): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('incall_destination as d')
    .innerJoin('incall_extension as ie', 'ie.incall_id', 'd.incall_id')
    .innerJoin('extension as e', 'e.id', 'ie.extension_id')
    .select('e.exten')
    .where(sql<boolean>`d.destination ->> 'type' = 'user'`)
    .where(sql<boolean>`d.destination ->> 'user_id' = ${String(userId)}`)
    .orderBy('d.incall_id')
    .execute();
  return rows.map((row) => row.exten);
}
