// Public surface of the incall ↔ schedule link: its declaration on the generic link shape (links/).
import type { Incall } from '../incalls/incalls.model.js';
import type { LinkService } from '../links/index.js';
import type { Schedule } from '../schedules/schedules.model.js';
import type { ScheduleSummary } from '../user-schedules/user-schedules.model.js';
import type { ScheduleIncall } from './incall-schedules.link.js';

export { incallScheduleLink, type ScheduleIncall } from './incall-schedules.link.js';
export type IncallSchedulesService = LinkService<Incall, Schedule, ScheduleIncall, ScheduleSummary, number>;
