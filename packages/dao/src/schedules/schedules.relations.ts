/**
 * SQL for what a schedule shows of other resources (read-only, as Wazo's ScheduleSchema dumps
 * it): the users, groups and queues it applies to. Part of the schedules dao; the association tables are
 * written by the user-schedules and group-schedules resources.
 */
import type { Tx } from '../db/unit-of-work.js';
import { outcallsLinkedTo } from '../outcalls/outcall-relations.js';
import type { ScheduleGroupSummary, ScheduleRelations, ScheduleUserSummary } from './schedules.model.js';

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The relations of each schedule of `ids`, by schedule id. */
export async function scheduleRelationsOf(tx: Tx, ids: number[]): Promise<Map<number, ScheduleRelations>> {
  const users = new Map<number, ScheduleUserSummary[]>();
  const groups = new Map<number, ScheduleGroupSummary[]>();
  const incalls = new Map<number, { id: number }[]>();
  const queues = new Map<number, ScheduleRelations['queues']>();
  if (ids.length > 0) {
    const userRows = await tx.db
      .selectFrom('user_schedules as us')
      .innerJoin('users as u', 'u.uuid', 'us.user_uuid')
      .select(['us.schedule_id', 'u.uuid', 'u.firstname', 'u.lastname'])
      .where('us.schedule_id', 'in', ids)
      .orderBy('u.id')
      .execute();
    for (const { schedule_id, ...user } of userRows) push(users, schedule_id, user);
    const groupRows = await tx.db
      .selectFrom('group_schedules as gs')
      .innerJoin('groups as g', 'g.id', 'gs.group_id')
      .select(['gs.schedule_id', 'g.id', 'g.uuid', 'g.name'])
      .where('gs.schedule_id', 'in', ids)
      .orderBy('g.id')
      .execute();
    for (const { schedule_id, ...group } of groupRows) push(groups, schedule_id, group);
    const incallRows = await tx.db
      .selectFrom('incall_schedule')
      .select(['schedule_id', 'incall_id as id'])
      .where('schedule_id', 'in', ids)
      .orderBy('incall_id')
      .execute();
    for (const { schedule_id, ...incall } of incallRows) push(incalls, schedule_id, incall);
    const queueRows = await tx.db
      .selectFrom('queue_schedule as qs')
      .innerJoin('queue as q', 'q.id', 'qs.queue_id')
      .select(['qs.schedule_id', 'q.id', 'q.name', 'q.label'])
      .where('qs.schedule_id', 'in', ids)
      .orderBy('q.id')
      .execute();
    for (const { schedule_id, ...queue } of queueRows) push(queues, schedule_id, queue);
  }
  const outcalls = await outcallsLinkedTo(tx, 'schedule', ids);
  return new Map(
    ids.map((id) => [
      id,
      {
        users: users.get(id) ?? [],
        groups: groups.get(id) ?? [],
        incalls: incalls.get(id) ?? [],
        queues: queues.get(id) ?? [],
        outcalls: outcalls.get(id) ?? [],
      },
    ]),
  );
}
