/**
 * SQL of the group ↔ schedule link: `group_schedules`, joined to `groups` and `schedules` so that
 * every read and write stays within the caller's tenants (an empty scope sees and changes nothing).
 */
import { inTenants, seesNoTenant } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { ScheduleGroup, ScheduleSummary } from './group-schedules.model.js';

export function createGroupSchedulesDao() {
  // Ids of the scope's groups and schedules (callers guard against an empty scope).
  const groupsIn = (tx: Tx, scope: TenantScope) =>
    tx.db.selectFrom('groups').select('groups.id').where(inTenants('groups.tenant_uuid', scope.tenantUuids));
  const schedulesIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('schedules')
      .select('schedules.id')
      .where(inTenants('schedules.tenant_uuid', scope.tenantUuids));

  return {
    /** The id of the group's schedule, or null (also when the group is not in the scope). */
    async findScheduleId(tx: Tx, scope: TenantScope, groupId: number): Promise<number | null> {
      if (seesNoTenant(scope.tenantUuids)) return null;
      const row = await tx.db
        .selectFrom('group_schedules')
        .select('schedule_id')
        .where('group_id', '=', groupId)
        .where('group_id', 'in', groupsIn(tx, scope))
        .where('schedule_id', 'in', schedulesIn(tx, scope))
        .executeTakeFirst();
      return row?.schedule_id ?? null;
    },

    /** False when the group or the schedule is not in the scope: nothing is written. */
    async associate(tx: Tx, scope: TenantScope, groupId: number, scheduleId: number): Promise<boolean> {
      if (seesNoTenant(scope.tenantUuids)) return false;
      const inserted = await tx.db
        .insertInto('group_schedules')
        .columns(['group_id', 'schedule_id'])
        .expression(
          groupsIn(tx, scope)
            .select((eb) => eb.val(scheduleId).as('schedule_id'))
            .where('groups.id', '=', groupId)
            .where((eb) => eb(eb.val(scheduleId), 'in', schedulesIn(tx, scope))),
        )
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** False when no link of a group and schedule in the scope was removed. */
    async dissociate(tx: Tx, scope: TenantScope, groupId: number, scheduleId: number): Promise<boolean> {
      if (seesNoTenant(scope.tenantUuids)) return false;
      const deleted = await tx.db
        .deleteFrom('group_schedules')
        .where('group_id', '=', groupId)
        .where('schedule_id', '=', scheduleId)
        .where('group_id', 'in', groupsIn(tx, scope))
        .where('schedule_id', 'in', schedulesIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    /** The group's schedules within the scope (zero or one). */
    async listSchedulesOfGroup(tx: Tx, scope: TenantScope, groupId: number): Promise<ScheduleSummary[]> {
      if (seesNoTenant(scope.tenantUuids)) return [];
      return tx.db
        .selectFrom('group_schedules as gs')
        .innerJoin('schedules as s', 's.id', 'gs.schedule_id')
        .select(['s.id', 's.name'])
        .where('gs.group_id', '=', groupId)
        .where(inTenants('s.tenant_uuid', scope.tenantUuids))
        .execute();
    },

    /** The groups of the schedule that are in scope. */
    async listGroupsOfSchedule(tx: Tx, scope: TenantScope, scheduleId: number): Promise<ScheduleGroup[]> {
      if (seesNoTenant(scope.tenantUuids)) return [];
      return tx.db
        .selectFrom('group_schedules as gs')
        .innerJoin('groups as g', 'g.id', 'gs.group_id')
        .select(['g.id', 'g.uuid', 'g.name'])
        .where('gs.schedule_id', '=', scheduleId)
        .where(inTenants('g.tenant_uuid', scope.tenantUuids))
        .orderBy('g.id')
        .execute();
    },
  };
}

export type GroupSchedulesDao = ReturnType<typeof createGroupSchedulesDao>;
