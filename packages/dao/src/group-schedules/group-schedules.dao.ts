/** SQL of the group ↔ schedule link: `group_schedules` (joined to `schedules`/`groups` for scoping). */
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { ScheduleGroup, ScheduleSummary } from './group-schedules.model.js';

export function createGroupSchedulesDao() {
  return {
    /** The id of the group's schedule, or null. */
    async findScheduleId(tx: Tx, groupId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('group_schedules')
        .select('schedule_id')
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      return row?.schedule_id ?? null;
    },

    async associate(tx: Tx, groupId: number, scheduleId: number): Promise<void> {
      await tx.db
        .insertInto('group_schedules')
        .values({ group_id: groupId, schedule_id: scheduleId })
        .execute();
    },

    async dissociate(tx: Tx, groupId: number, scheduleId: number): Promise<void> {
      await tx.db
        .deleteFrom('group_schedules')
        .where('group_id', '=', groupId)
        .where('schedule_id', '=', scheduleId)
        .execute();
    },

    /** The group's schedules within the scope (zero or one). */
    async listSchedulesOfGroup(tx: Tx, scope: TenantScope, groupId: number): Promise<ScheduleSummary[]> {
      if (scope.tenantUuids.length === 0) return [];
      return tx.db
        .selectFrom('group_schedules as gs')
        .innerJoin('schedules as s', 's.id', 'gs.schedule_id')
        .select(['s.id', 's.name'])
        .where('gs.group_id', '=', groupId)
        .where('s.tenant_uuid', 'in', [...scope.tenantUuids])
        .execute();
    },

    /** The groups of the schedule that are in scope. */
    async listGroupsOfSchedule(tx: Tx, scope: TenantScope, scheduleId: number): Promise<ScheduleGroup[]> {
      if (scope.tenantUuids.length === 0) return [];
      return tx.db
        .selectFrom('group_schedules as gs')
        .innerJoin('groups as g', 'g.id', 'gs.group_id')
        .select(['g.id', 'g.uuid', 'g.name'])
        .where('gs.schedule_id', '=', scheduleId)
        .where('g.tenant_uuid', 'in', [...scope.tenantUuids])
        .orderBy('g.id')
        .execute();
    },
  };
}

export type GroupSchedulesDao = ReturnType<typeof createGroupSchedulesDao>;
