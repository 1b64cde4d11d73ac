/**
 * SQL for what a group shows of other resources (read-only, as Wazo's GroupSchema dumps it): its
 * user members with their names and priorities, and its schedule. Part of the groups dao; the
 * association tables are written by their own resources.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { GroupMemberSummary, GroupRelations, GroupScheduleSummary } from './groups.model.js';

/** Read-only relations of resources wazo-ts does not have yet: always empty. */
const absent = () => ({
  extensions: [],
  incalls: [],
  call_permissions: [],
  fallbacks: { noanswer_destination: null, congestion_destination: null },
});

export function emptyGroupRelations(): GroupRelations {
  return { ...absent(), members: { users: [], extensions: [] }, schedules: [] };
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The relations of each group of `ids`, by group id. */
export async function groupRelationsOf(tx: Tx, ids: number[]): Promise<Map<number, GroupRelations>> {
  const members = new Map<number, GroupMemberSummary[]>();
  const schedules = new Map<number, GroupScheduleSummary[]>();
  if (ids.length > 0) {
    const memberRows = await tx.db
      .selectFrom('group_member_users as m')
      .innerJoin('users as u', 'u.uuid', 'm.user_uuid')
      .select(['m.group_id', 'u.uuid', 'u.firstname', 'u.lastname', 'm.priority'])
      .where('m.group_id', 'in', ids)
      .orderBy('m.group_id')
      .orderBy('m.position')
      .execute();
    for (const { group_id, ...member } of memberRows) push(members, group_id, member);
    const scheduleRows = await tx.db
      .selectFrom('group_schedules as gs')
      .innerJoin('schedules as s', 's.id', 'gs.schedule_id')
      .select(['gs.group_id', 's.id', 's.name'])
      .where('gs.group_id', 'in', ids)
      .execute();
    for (const { group_id, ...schedule } of scheduleRows) push(schedules, group_id, schedule);
  }
  return new Map(
    ids.map((id) => [
      id,
      {
        ...absent(),
        members: { users: members.get(id) ?? [], extensions: [] },
        schedules: schedules.get(id) ?? [],
      },
    ]),
  );
}
