// Public surface of the extensions of conferences and parking lots (one per owner).
export {
  CONFERENCE_OWNER,
  createOwnerExtensionsDao,
  type OwnerExtensionsDao,
  type OwnerKind,
  ownedExtensions,
  PARKING_LOT_OWNER,
} from './owner-extensions.dao.js';
export { createOwnerExtensionsNotifier, type OwnerExtensionsNotifier } from './owner-extensions.notifier.js';
export {
  createOwnerExtensionsService,
  type OwnerExtensionsService,
  type OwnerExtensionsServiceDeps,
} from './owner-extensions.service.js';
export {
  createOwnerExtensionsValidator,
  type ExtensionOwner,
  type OwnerExtensionsValidator,
  type ValidateMore,
} from './owner-extensions.validator.js';
