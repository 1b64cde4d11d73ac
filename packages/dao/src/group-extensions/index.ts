// Public surface of the group ↔ extension association.
export { createGroupExtensionsDao, type GroupExtensionsDao } from './group-extensions.dao.js';
export { createGroupExtensionsNotifier, type GroupExtensionsNotifier } from './group-extensions.notifier.js';
export {
  createGroupExtensionsService,
  type GroupExtensionsService,
  type GroupExtensionsServiceDeps,
} from './group-extensions.service.js';
export {
  createGroupExtensionsValidator,
  type GroupExtensionsValidator,
} from './group-extensions.validator.js';
