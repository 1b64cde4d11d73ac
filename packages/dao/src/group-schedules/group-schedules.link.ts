/**
 * The group ↔ schedule link (`group_schedules`): at most one schedule per group, associating it
 * again changes nothing; `group_schedule_associated|dissociated {group_id, group_uuid,
 * schedule_id}`, tenant-wide.
 */
import { groupScheduleAssociated, groupScheduleDissociated } from '@wazo-ts/bus';
import type { Group } from '../groups/groups.model.js';
import { defineLink } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scheduleSide } from '../user-schedules/user-schedules.link.js';
import type { ScheduleGroup, ScheduleSummary } from './group-schedules.model.js';

export const groupScheduleLink = defineLink<Group, Schedule, ScheduleGroup, ScheduleSummary>()({
  table: 'group_schedules',
  owner: { name: 'Group', table: 'groups', key: 'id', column: 'group_id', summary: ['id', 'uuid', 'name'] },
  resource: scheduleSide,
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (group, scheduleId) => ({ group_uuid: group.uuid, schedule_id: scheduleId }),
  events: {
    associated: groupScheduleAssociated,
    dissociated: groupScheduleDissociated,
    payload: (group, schedule) => ({ group_id: group.id, group_uuid: group.uuid, schedule_id: schedule.id }),
    scoping: (group) => ({ tenantUuid: group.tenant_uuid }),
  },
});
