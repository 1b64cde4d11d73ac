// Public surface of the group ↔ schedule link.
export { createGroupSchedulesDao, type GroupSchedulesDao } from './group-schedules.dao.js';
export type { ScheduleGroup } from './group-schedules.model.js';
export { createGroupSchedulesNotifier, type GroupSchedulesNotifier } from './group-schedules.notifier.js';
export {
  createGroupSchedulesService,
  type GroupSchedulesService,
  type GroupSchedulesServiceDeps,
} from './group-schedules.service.js';
export { createGroupSchedulesValidator, type GroupSchedulesValidator } from './group-schedules.validator.js';
