/** SQL of the user ↔ schedule link: `user_schedules` (joined to `schedules` for tenant scoping). */
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';

export function createUserSchedulesDao() {
  return {
    /** The id of the user's schedule, or null. */
    async findScheduleId(tx: Tx, userUuid: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('user_schedules')
        .select('schedule_id')
        .where('user_uuid', '=', userUuid)
        .executeTakeFirst();
      return row?.schedule_id ?? null;
    },

    async associate(tx: Tx, userUuid: string, scheduleId: number): Promise<void> {
      await tx.db
        .insertInto('user_schedules')
        .values({ user_uuid: userUuid, schedule_id: scheduleId })
        .execute();
    },

    async dissociate(tx: Tx, userUuid: string, scheduleId: number): Promise<void> {
      await tx.db
        .deleteFrom('user_schedules')
        .where('user_uuid', '=', userUuid)
        .where('schedule_id', '=', scheduleId)
        .execute();
    },

    /** The user's schedules within the scope (zero or one). */
    async listSchedulesOfUser(tx: Tx, scope: TenantScope, userUuid: string): Promise<ScheduleSummary[]> {
      if (scope.tenantUuids.length === 0) return [];
      return tx.db
        .selectFrom('user_schedules as us')
        .innerJoin('schedules as s', 's.id', 'us.schedule_id')
        .select(['s.id', 's.name'])
        .where('us.user_uuid', '=', userUuid)
        .where('s.tenant_uuid', 'in', [...scope.tenantUuids])
        .execute();
    },

    /** The users of the schedule, if the schedule is in scope. */
    async listUsersOfSchedule(tx: Tx, scope: TenantScope, scheduleId: number): Promise<ScheduleUser[]> {
      if (scope.tenantUuids.length === 0) return [];
      const rows = await tx.db
        .selectFrom('user_schedules as us')
        .innerJoin('schedules as s', 's.id', 'us.schedule_id')
        .select('us.user_uuid')
        .where('us.schedule_id', '=', scheduleId)
        .where('s.tenant_uuid', 'in', [...scope.tenantUuids])
        .orderBy('us.user_uuid')
        .execute();
      return rows.map((r) => ({ uuid: r.user_uuid }));
    },
  };
}

export type UserSchedulesDao = ReturnType<typeof createUserSchedulesDao>;
