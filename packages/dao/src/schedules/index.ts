// Public surface of the schedules resource.
export {
  DESTINATION_FIELDS,
  DESTINATION_TYPES,
  type Destination,
  type DestinationType,
} from './destination.js';
export { checkDestination, type DestinationCheck, destinationJsonSchema } from './destination-check.js';
export { createSchedulesDao, type SchedulesDao, scheduleSearchConfig } from './schedules.dao.js';
export {
  type ExceptionalPeriod,
  type ExceptionalPeriodInput,
  HOURS_PATTERN,
  type OpenPeriod,
  type OpenPeriodInput,
  type Schedule,
  type ScheduleCreate,
  type ScheduleEdit,
  type ScheduleFields,
  type ScheduleGroupSummary,
  type ScheduleRelations,
  type ScheduleUserSummary,
  scheduleCreateSchema,
  scheduleEditSchema,
  scheduleSchema,
} from './schedules.model.js';
export { createSchedulesNotifier, type SchedulesNotifier } from './schedules.notifier.js';
export {
  createSchedulesService,
  type SchedulesService,
  type SchedulesServiceDeps,
} from './schedules.service.js';
export {
  createSchedulesValidator,
  type SchedulesValidator,
  type SchedulesValidatorDeps,
} from './schedules.validator.js';
