// Public surface of the call pickups resource, its interceptors and targets, and their events.
export { type CallPickupsDao, callPickupSearchConfig, createCallPickupsDao } from './call-pickups.dao.js';
export {
  type CallPickup,
  type CallPickupCreate,
  type CallPickupEdit,
  type CallPickupGroups,
  type CallPickupUsers,
  callPickupCreateSchema,
  callPickupEditSchema,
  callPickupGroupsSchema,
  callPickupSchema,
  callPickupUsersSchema,
} from './call-pickups.model.js';
export { type CallPickupsNotifier, createCallPickupsNotifier } from './call-pickups.notifier.js';
export {
  type CallPickupsService,
  type CallPickupsServiceDeps,
  createCallPickupsService,
} from './call-pickups.service.js';
export { type CallPickupsValidator, createCallPickupsValidator } from './call-pickups.validator.js';
