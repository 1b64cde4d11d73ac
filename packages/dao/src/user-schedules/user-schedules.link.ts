/**
 * The user ↔ schedule link (`user_schedules`): at most one schedule per user, associating it
 * again changes nothing; `user_schedule_associated|dissociated {user_uuid, schedule_id}` for the
 * user.
 */
import { userScheduleAssociated, userScheduleDissociated } from '@wazo-ts/bus';
import type { UserRef } from '../group-members/user-ref.js';
import { defineLink, type LinkSide } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';

/** A schedule as the resource of a link (of a user, a group, ...). */
export const scheduleSide: LinkSide<Schedule, ScheduleSummary> = {
  name: 'Schedule',
  table: 'schedules',
  key: 'id',
  column: 'schedule_id',
  summary: ['id', 'name'],
};

export const userScheduleLink = defineLink<UserRef, Schedule, ScheduleUser, ScheduleSummary>()({
  table: 'user_schedules',
  owner: { name: 'User', table: 'users', key: 'uuid', column: 'user_uuid', summary: ['uuid'] },
  resource: scheduleSide,
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (user, scheduleId) => ({ user_id: user.id, schedule_id: scheduleId }),
  events: {
    associated: userScheduleAssociated,
    dissociated: userScheduleDissociated,
    payload: (user, schedule) => ({ user_uuid: user.uuid, schedule_id: schedule.id }),
    scoping: (user) => ({ tenantUuid: user.tenant_uuid, userUuid: user.uuid }),
  },
});
