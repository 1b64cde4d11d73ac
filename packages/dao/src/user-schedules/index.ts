// Public surface of the user ↔ schedule link.
export { createUserSchedulesDao, type UserSchedulesDao } from './user-schedules.dao.js';
export type { ScheduleSummary, ScheduleUser } from './user-schedules.model.js';
export { createUserSchedulesNotifier, type UserSchedulesNotifier } from './user-schedules.notifier.js';
export {
  createUserSchedulesService,
  type UserSchedulesService,
  type UserSchedulesServiceDeps,
} from './user-schedules.service.js';
export { createUserSchedulesValidator, type UserSchedulesValidator } from './user-schedules.validator.js';
