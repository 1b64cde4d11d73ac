/**
 * SQL of the user ↔ schedule link: `user_schedules`, joined to `users` and `schedules` so that
 * every read and write stays within the caller's tenants (an empty scope sees and changes nothing).
 */
import { inTenants, seesNoTenant } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';

export function createUserSchedulesDao() {
  // Uuids of the scope's users and ids of its schedules (callers guard against an empty scope).
  const usersIn = (tx: Tx, scope: TenantScope) =>
    tx.db.selectFrom('users').select('users.uuid').where(inTenants('users.tenant_uuid', scope.tenantUuids));
  const schedulesIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('schedules')
      .select('schedules.id')
      .where(inTenants('schedules.tenant_uuid', scope.tenantUuids));

  return {
    /** The id of the user's schedule, or null (also when the user is not in the scope). */
    async findScheduleId(tx: Tx, scope: TenantScope, userUuid: string): Promise<number | null> {
      if (seesNoTenant(scope.tenantUuids)) return null;
      const row = await tx.db
        .selectFrom('user_schedules')
        .select('schedule_id')
        .where('user_uuid', '=', userUuid)
        .where('user_uuid', 'in', usersIn(tx, scope))
        .where('schedule_id', 'in', schedulesIn(tx, scope))
        .executeTakeFirst();
      return row?.schedule_id ?? null;
    },

    /** False when the user or the schedule is not in the scope: nothing is written. */
    async associate(tx: Tx, scope: TenantScope, userUuid: string, scheduleId: number): Promise<boolean> {
      if (seesNoTenant(scope.tenantUuids)) return false;
      const inserted = await tx.db
        .insertInto('user_schedules')
        .columns(['user_uuid', 'schedule_id'])
        .expression(
          usersIn(tx, scope)
            .select((eb) => eb.val(scheduleId).as('schedule_id'))
            .where('users.uuid', '=', userUuid)
            .where((eb) => eb(eb.val(scheduleId), 'in', schedulesIn(tx, scope))),
        )
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** False when no link of a user and schedule in the scope was removed. */
    async dissociate(tx: Tx, scope: TenantScope, userUuid: string, scheduleId: number): Promise<boolean> {
      if (seesNoTenant(scope.tenantUuids)) return false;
      const deleted = await tx.db
        .deleteFrom('user_schedules')
        .where('user_uuid', '=', userUuid)
        .where('schedule_id', '=', scheduleId)
        .where('user_uuid', 'in', usersIn(tx, scope))
        .where('schedule_id', 'in', schedulesIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    /** The user's schedules within the scope (zero or one). */
    async listSchedulesOfUser(tx: Tx, scope: TenantScope, userUuid: string): Promise<ScheduleSummary[]> {
      if (seesNoTenant(scope.tenantUuids)) return [];
      return tx.db
        .selectFrom('user_schedules as us')
        .innerJoin('schedules as s', 's.id', 'us.schedule_id')
        .select(['s.id', 's.name'])
        .where('us.user_uuid', '=', userUuid)
        .where(inTenants('s.tenant_uuid', scope.tenantUuids))
        .execute();
    },

    /** The users of the schedule, if the schedule is in scope. */
    async listUsersOfSchedule(tx: Tx, scope: TenantScope, scheduleId: number): Promise<ScheduleUser[]> {
      if (seesNoTenant(scope.tenantUuids)) return [];
      const rows = await tx.db
        .selectFrom('user_schedules as us')
        .innerJoin('schedules as s', 's.id', 'us.schedule_id')
        .select('us.user_uuid')
        .where('us.schedule_id', '=', scheduleId)
        .where(inTenants('s.tenant_uuid', scope.tenantUuids))
        .orderBy('us.user_uuid')
        .execute();
      return rows.map((r) => ({ uuid: r.user_uuid }));
    },
  };
}

export type UserSchedulesDao = ReturnType<typeof createUserSchedulesDao>;
