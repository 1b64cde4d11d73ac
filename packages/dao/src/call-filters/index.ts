// Public surface of the call filters resource (boss/secretary), its members and their events.
export { type CallFiltersDao, callFilterSearchConfig, createCallFiltersDao } from './call-filters.dao.js';
export {
  CALL_FILTER_CALLER_ID_MODES,
  CALL_FILTER_SOURCES,
  CALL_FILTER_STRATEGIES,
  type CallFilter,
  type CallFilterCreate,
  type CallFilterEdit,
  type CallFilterRecipientUsers,
  type CallFilterSurrogateUsers,
  callFilterCreateSchema,
  callFilterEditSchema,
  callFilterRecipientUsersSchema,
  callFilterSchema,
  callFilterSurrogateUsersSchema,
} from './call-filters.model.js';
export { type CallFiltersNotifier, createCallFiltersNotifier } from './call-filters.notifier.js';
export {
  type CallFiltersService,
  type CallFiltersServiceDeps,
  createCallFiltersService,
} from './call-filters.service.js';
export { type CallFiltersValidator, createCallFiltersValidator } from './call-filters.validator.js';
