// Public surface of the group ↔ schedule link: its declaration on the generic link shape (links/).
import type { Group } from '../groups/groups.model.js';
import type { LinkService } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { ScheduleGroup, ScheduleSummary } from './group-schedules.model.js';

export { groupScheduleLink } from './group-schedules.link.js';
export type { ScheduleGroup } from './group-schedules.model.js';
export type GroupSchedulesService = LinkService<Group, Schedule, ScheduleGroup, ScheduleSummary, number>;
