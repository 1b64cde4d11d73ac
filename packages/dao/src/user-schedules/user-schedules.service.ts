/**
 * The user ↔ schedule link's public API: associate and dissociate (each a no-op when already so)
 * and the reads of either side.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { FindUser, UserRef } from '../group-members/user-ref.js';
import type { SchedulesDao } from '../schedules/schedules.dao.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { TenantScope } from '../search/search.js';
import type { UserSchedulesDao } from './user-schedules.dao.js';
import type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';
import type { UserSchedulesNotifier } from './user-schedules.notifier.js';
import type { UserSchedulesValidator } from './user-schedules.validator.js';

export interface UserSchedulesServiceDeps {
  uow: UnitOfWork;
  dao: UserSchedulesDao;
  schedules: Pick<SchedulesDao, 'find'>;
  findUser: FindUser;
  validator: UserSchedulesValidator;
  notifier: UserSchedulesNotifier;
}

type UserKey = number | string;

export function createUserSchedulesService(deps: UserSchedulesServiceDeps) {
  const { uow, dao, schedules, findUser, validator, notifier } = deps;

  async function userOf(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserRef> {
    const user = await findUser(tx, scope, key);
    if (user) return user;
    const byId = typeof key === 'number' || /^[0-9]+$/.test(key);
    throw notFound('User', byId ? { id: Number(key) } : { uuid: key });
  }

  async function scheduleOf(tx: Tx, scope: TenantScope, id: number): Promise<Schedule> {
    const schedule = await schedules.find(tx, scope, id);
    if (!schedule) throw notFound('Schedule', { id });
    return schedule;
  }

  return {
    associate(scope: TenantScope, userKey: UserKey, scheduleId: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await userOf(tx, scope, userKey);
        const schedule = await scheduleOf(tx, scope, scheduleId);
        const current = await dao.findScheduleId(tx, scope, user.uuid);
        if (current === schedule.id) return;
        validator.validateAssociation(user, schedule, current);
        if (!(await dao.associate(tx, scope, user.uuid, schedule.id)))
          throw notFound('User', { uuid: user.uuid });
        notifier.associated(tx, user, schedule.id);
      });
    },

    dissociate(scope: TenantScope, userKey: UserKey, scheduleId: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await userOf(tx, scope, userKey);
        const schedule = await scheduleOf(tx, scope, scheduleId);
        if ((await dao.findScheduleId(tx, scope, user.uuid)) !== schedule.id) return;
        if (!(await dao.dissociate(tx, scope, user.uuid, schedule.id)))
          throw notFound('User', { uuid: user.uuid });
        notifier.dissociated(tx, user, schedule.id);
      });
    },

    /** The user's `schedules` (zero or one). */
    listSchedules(scope: TenantScope, userKey: UserKey): Promise<ScheduleSummary[]> {
      return uow.read(async (tx) =>
        dao.listSchedulesOfUser(tx, scope, (await userOf(tx, scope, userKey)).uuid),
      );
    },

    /** The schedule's `users`. */
    listUsers(scope: TenantScope, scheduleId: number): Promise<ScheduleUser[]> {
      return uow.read(async (tx) =>
        dao.listUsersOfSchedule(tx, scope, (await scheduleOf(tx, scope, scheduleId)).id),
      );
    },
  };
}

export type UserSchedulesService = ReturnType<typeof createUserSchedulesService>;
