// Public surface of the extensions resource.
export { createExtensionsDao, type ExtensionsDao, extensionSearchConfig } from './extensions.dao.js';
export * from './extensions.model.js';
export { createExtensionsNotifier, type ExtensionsNotifier } from './extensions.notifier.js';
export {
  createExtensionsService,
  type ExtensionsService,
  type ExtensionsServiceDeps,
} from './extensions.service.js';
export { createExtensionsValidator, type ExtensionsValidator } from './extensions.validator.js';
