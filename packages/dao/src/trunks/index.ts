// Public surface of the trunks resource, its endpoint association and their events.

export { createRegisterIaxDao, type RegisterIaxDao, registerIaxSearchConfig } from './register-iax.dao.js';
export {
  type RegisterIax,
  type RegisterIaxCreate,
  type RegisterIaxEdit,
  registerIaxCreateSchema,
  registerIaxEditSchema,
  registerIaxSchema,
} from './register-iax.model.js';
export { createRegisterIaxNotifier, type RegisterIaxNotifier } from './register-iax.notifier.js';
export { createRegisterIaxService, type RegisterIaxService } from './register-iax.service.js';
export { createTrunksDao, type TrunksDao, trunkSearchConfig } from './trunks.dao.js';
export {
  OUTGOING_CALLER_ID_FORMATS,
  type Trunk,
  type TrunkCreate,
  type TrunkEdit,
  type TrunkEndpointProtocol,
  trunkCreateSchema,
  trunkEditSchema,
  trunkSchema,
} from './trunks.model.js';
export { createTrunksNotifier, type TrunksNotifier } from './trunks.notifier.js';
export { createTrunksService, type TrunksService, type TrunksServiceDeps } from './trunks.service.js';
export { createTrunksValidator, type TrunksValidator } from './trunks.validator.js';
