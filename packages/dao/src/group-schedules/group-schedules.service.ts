/**
 * The group ↔ schedule link's public API: associate and dissociate (each a no-op when already so)
 * and the reads of either side.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { GroupKey, GroupsDao } from '../groups/groups.dao.js';
import type { Group } from '../groups/groups.model.js';
import type { SchedulesDao } from '../schedules/schedules.dao.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { TenantScope } from '../search/search.js';
import type { GroupSchedulesDao } from './group-schedules.dao.js';
import type { ScheduleGroup, ScheduleSummary } from './group-schedules.model.js';
import type { GroupSchedulesNotifier } from './group-schedules.notifier.js';
import type { GroupSchedulesValidator } from './group-schedules.validator.js';

export interface GroupSchedulesServiceDeps {
  uow: UnitOfWork;
  dao: GroupSchedulesDao;
  groups: Pick<GroupsDao, 'find'>;
  schedules: Pick<SchedulesDao, 'find'>;
  validator: GroupSchedulesValidator;
  notifier: GroupSchedulesNotifier;
}

export function createGroupSchedulesService(deps: GroupSchedulesServiceDeps) {
  const { uow, dao, groups, schedules, validator, notifier } = deps;

  async function groupOf(tx: Tx, scope: TenantScope, key: GroupKey): Promise<Group> {
    const group = await groups.find(tx, scope, key);
    if (!group) throw notFound('Group', typeof key === 'number' ? { id: key } : { uuid: key });
    return group;
  }

  async function scheduleOf(tx: Tx, scope: TenantScope, id: number): Promise<Schedule> {
    const schedule = await schedules.find(tx, scope, id);
    if (!schedule) throw notFound('Schedule', { id });
    return schedule;
  }

  return {
    associate(scope: TenantScope, groupKey: GroupKey, scheduleId: number): Promise<void> {
      return uow.run(async (tx) => {
        const group = await groupOf(tx, scope, groupKey);
        const schedule = await scheduleOf(tx, scope, scheduleId);
        const current = await dao.findScheduleId(tx, scope, group.id);
        if (current === schedule.id) return;
        validator.validateAssociation(group, schedule, current);
        if (!(await dao.associate(tx, scope, group.id, schedule.id)))
          throw notFound('Group', { id: group.id });
        notifier.associated(tx, group, schedule.id);
      });
    },

    dissociate(scope: TenantScope, groupKey: GroupKey, scheduleId: number): Promise<void> {
      return uow.run(async (tx) => {
        const group = await groupOf(tx, scope, groupKey);
        const schedule = await scheduleOf(tx, scope, scheduleId);
        if ((await dao.findScheduleId(tx, scope, group.id)) !== schedule.id) return;
        if (!(await dao.dissociate(tx, scope, group.id, schedule.id)))
          throw notFound('Group', { id: group.id });
        notifier.dissociated(tx, group, schedule.id);
      });
    },

    /** The group's `schedules` (zero or one). */
    listSchedules(scope: TenantScope, groupKey: GroupKey): Promise<ScheduleSummary[]> {
      return uow.read(async (tx) =>
        dao.listSchedulesOfGroup(tx, scope, (await groupOf(tx, scope, groupKey)).id),
      );
    },

    /** The schedule's `groups`. */
    listGroups(scope: TenantScope, scheduleId: number): Promise<ScheduleGroup[]> {
      return uow.read(async (tx) =>
        dao.listGroupsOfSchedule(tx, scope, (await scheduleOf(tx, scope, scheduleId)).id),
      );
    },
  };
}

export type GroupSchedulesService = ReturnType<typeof createGroupSchedulesService>;
