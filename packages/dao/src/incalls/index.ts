// Public surface of the incalls resource (inbound routes), their extension and their events.
export { createIncallsDao, type IncallsDao, incallSearchConfig } from './incalls.dao.js';
export {
  INCALL_CALLER_ID_MODES,
  type Incall,
  type IncallCreate,
  type IncallEdit,
  type IncallRelation,
  incallCreateSchema,
  incallEditSchema,
  incallRelationSchema,
  incallSchema,
} from './incalls.model.js';
export { createIncallsNotifier, type IncallsNotifier } from './incalls.notifier.js';
export { createIncallsService, type IncallsService, type IncallsServiceDeps } from './incalls.service.js';
export { createIncallsValidator, type IncallsValidator } from './incalls.validator.js';
