// Public surface of the user ↔ schedule link: its declaration on the generic link shape (links/).
import type { UserRef } from '../group-members/user-ref.js';
import type { LinkService } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';

export { userScheduleLink } from './user-schedules.link.js';
export type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';
export type UserSchedulesService = LinkService<UserRef, Schedule, ScheduleUser, ScheduleSummary, number>;
