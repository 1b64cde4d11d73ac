/**
 * SQL for what a group shows of other resources (read-only, as Wazo's GroupSchema dumps it): its
 * user members with their names and priorities, its schedules, its call permissions, its extension, its
 * fallbacks and the incalls sending calls to it. Part of the groups dao; the association tables
 * are written by their own resources.
 */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { incallsRoutingTo } from '../incalls/incalls.relations.js';
import { nameDestinationsIn } from '../schedules/destination-names.js';
import type { GroupMemberSummary, GroupRelations, GroupScheduleSummary } from './groups.model.js';

/** Before the incalls sending calls to the group are read: none. */
const absent = () => ({ incalls: [] });
const noFallbacks = () => ({ noanswer_destination: null, congestion_destination: null });

export function emptyGroupRelations(): GroupRelations {
  return {
    ...absent(),
    call_permissions: [],
    extensions: [],
    fallbacks: noFallbacks(),
    members: { users: [], extensions: [] },
    schedules: [],
  };
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Extension = GroupRelations['extensions'][number];
type Fallbacks = Partial<GroupRelations['fallbacks']>;

/** The extension and the fallbacks of each group of `ids` that has them. */
async function ownedBy(tx: Tx, ids: number[]) {
  const extensions = new Map<number, Extension[]>();
  const fallbacks = new Map<number, Fallbacks>();
  if (ids.length === 0) return { extensions, fallbacks };
  const extensionRows = await tx.db
    .selectFrom('group_extension as ge')
    .innerJoin('extension as e', 'e.id', 'ge.extension_id')
    .innerJoin('context as c', 'c.id', 'e.context_id')
    .select(['ge.group_id', 'e.id', 'e.exten', 'c.name as context'])
    .where('ge.group_id', 'in', ids)
    .execute();
  for (const { group_id, ...extension } of extensionRows) push(extensions, group_id, extension);
  const { rows } = await sql<{ group_id: number; event: string; destination: Fallbacks[keyof Fallbacks] }>`
    SELECT group_id, event, destination FROM group_fallback WHERE group_id IN (${sql.join(ids)})`.execute(
    tx.db,
  );
  for (const row of rows) {
    fallbacks.set(row.group_id, {
      ...fallbacks.get(row.group_id),
      [`${row.event}_destination`]: row.destination,
    });
  }
  return { extensions, fallbacks };
}

/** The relations of each group of `ids`, by group id. */
export async function groupRelationsOf(tx: Tx, ids: number[]): Promise<Map<number, GroupRelations>> {
  const members = new Map<number, GroupMemberSummary[]>();
  const schedules = new Map<number, GroupScheduleSummary[]>();
  const callPermissions = new Map<number, GroupRelations['call_permissions']>();
  const memberExtensions = new Map<number, GroupRelations['members']['extensions']>();
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
    const permissionRows = await tx.db
      .selectFrom('group_call_permissions as link')
      .innerJoin('call_permissions as p', 'p.id', 'link.call_permission_id')
      .select(['link.group_id', 'p.id', 'p.name'])
      .where('link.group_id', 'in', ids)
      .orderBy('p.id')
      .execute();
    for (const { group_id, ...permission } of permissionRows) push(callPermissions, group_id, permission);
    const extensionRows = await tx.db
      .selectFrom('group_member_extensions')
      .select(['group_id', 'exten', 'context', 'priority'])
      .where('group_id', 'in', ids)
      .orderBy('group_id')
      .orderBy('position')
      .execute();
    for (const { group_id, ...member } of extensionRows) push(memberExtensions, group_id, member);
  }
  const { extensions, fallbacks } = await ownedBy(tx, ids);
  const incalls = await incallsRoutingTo(tx, 'group', 'group_id', ids);
  const named = await Promise.all(
    ids.map((id) => nameDestinationsIn(tx, { ...noFallbacks(), ...fallbacks.get(id) })),
  );
  return new Map(
    ids.map((id, i) => [
      id,
      {
        ...absent(),
        incalls: incalls.get(String(id)) ?? [],
        call_permissions: callPermissions.get(id) ?? [],
        extensions: extensions.get(id) ?? [],
        fallbacks: named[i]!,
        members: { users: members.get(id) ?? [], extensions: memberExtensions.get(id) ?? [] },
        schedules: schedules.get(id) ?? [],
      },
    ]),
  );
}
