// Public surface of the outcalls resource, its trunks and extensions, and their events.

export { type OutcallSummary, outcallCallPermissionLink, outcallScheduleLink } from './outcall-links.js';
export { createOutcallsDao, type OutcallsDao, outcallSearchConfig } from './outcalls.dao.js';
export {
  type Outcall,
  type OutcallCreate,
  type OutcallEdit,
  type OutcallExtensionBody,
  type OutcallTrunks,
  outcallCreateSchema,
  outcallEditSchema,
  outcallExtensionBodySchema,
  outcallSchema,
  outcallTrunksSchema,
} from './outcalls.model.js';
export { createOutcallsNotifier, type OutcallsNotifier } from './outcalls.notifier.js';
export { createOutcallsService, type OutcallsService, type OutcallsServiceDeps } from './outcalls.service.js';
export { createOutcallsValidator, type OutcallsValidator } from './outcalls.validator.js';
