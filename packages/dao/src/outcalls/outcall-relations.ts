/**
 * The outcalls a schedule or a call permission applies to, as those resources show them
 * (`outcalls: [{id, name}]`), read from the outcall's link tables.
 */
import type { Tx } from '../db/unit-of-work.js';

/** The outcalls linked to each id of `ids` by `outcall_schedules` or `outcall_call_permissions`. */
export async function outcallsLinkedTo(
  tx: Tx,
  link: 'schedule' | 'call_permission',
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const found = new Map<number, { id: number; name: string }[]>();
  if (ids.length === 0) return found;
  const rows =
    link === 'schedule'
      ? await tx.db
          .selectFrom('outcall_schedules as l')
          .innerJoin('outcall', 'outcall.id', 'l.outcall_id')
          .select(['l.schedule_id as key', 'outcall.id', 'outcall.name'])
          .where('l.schedule_id', 'in', ids)
          .orderBy('outcall.id')
          .execute()
      : await tx.db
          .selectFrom('outcall_call_permissions as l')
          .innerJoin('outcall', 'outcall.id', 'l.outcall_id')
          .select(['l.call_permission_id as key', 'outcall.id', 'outcall.name'])
          .where('l.call_permission_id', 'in', ids)
          .orderBy('outcall.id')
          .execute();
  for (const { key, ...outcall } of rows) found.set(key, [...(found.get(key) ?? []), outcall]);
  return found;
}
