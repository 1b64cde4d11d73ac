// Public surface of the IVR resource and its events.
export { createIvrDao, type IvrDao, ivrSearchConfig } from './ivr.dao.js';
export {
  IVR_EVENTS,
  type Ivr,
  type IvrCreate,
  type IvrEdit,
  ivrCreateSchema,
  ivrEditSchema,
  ivrSchema,
} from './ivr.model.js';
export { createIvrNotifier, type IvrNotifier } from './ivr.notifier.js';
export { createIvrService, type IvrService, type IvrServiceDeps } from './ivr.service.js';
export { checkDestinationTargets, createIvrValidator, type IvrValidator } from './ivr.validator.js';
