/**
 * The incall ↔ schedule link (`incall_schedule`): at most one schedule per incall, associating it
 * again changes nothing; `incall_schedule_associated|dissociated {incall_id, schedule_id}`,
 * tenant-wide.
 */
import { incallScheduleAssociated, incallScheduleDissociated } from '@wazo-ts/bus';
import type { Incall } from '../incalls/incalls.model.js';
import { defineLink } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scheduleSide } from '../user-schedules/user-schedules.link.js';
import type { ScheduleSummary } from '../user-schedules/user-schedules.model.js';

/** An incall in a schedule's `incalls`. */
export interface ScheduleIncall {
  id: number;
}

export const incallScheduleLink = defineLink<Incall, Schedule, ScheduleIncall, ScheduleSummary>()({
  table: 'incall_schedule',
  owner: { name: 'Incall', table: 'incall', key: 'id', column: 'incall_id', summary: ['id'] },
  resource: scheduleSide,
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (incall, scheduleId) => ({ incall_id: incall.id, schedule_id: scheduleId }),
  events: {
    associated: incallScheduleAssociated,
    dissociated: incallScheduleDissociated,
    payload: (incall, schedule) => ({ incall_id: incall.id, schedule_id: schedule.id }),
    scoping: (incall) => ({ tenantUuid: incall.tenant_uuid }),
  },
});
