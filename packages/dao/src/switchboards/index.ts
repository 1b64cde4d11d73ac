// Public surface of the switchboards resource, its operators, its fallbacks and their events.
export { createSwitchboardsDao, type SwitchboardsDao, switchboardSearchConfig } from './switchboards.dao.js';
export {
  type Switchboard,
  type SwitchboardCreate,
  type SwitchboardEdit,
  type SwitchboardFallbacks,
  type SwitchboardFallbacksInput,
  type SwitchboardMemberUsers,
  switchboardCreateSchema,
  switchboardEditSchema,
  switchboardFallbacksInputSchema,
  switchboardFallbacksSchema,
  switchboardMemberUsersSchema,
  switchboardSchema,
} from './switchboards.model.js';
export { createSwitchboardsNotifier, type SwitchboardsNotifier } from './switchboards.notifier.js';
export {
  createSwitchboardsService,
  type SwitchboardsService,
  type SwitchboardsServiceDeps,
} from './switchboards.service.js';
export { createSwitchboardsValidator, type SwitchboardsValidator } from './switchboards.validator.js';
