// Public surface of the line-extension association.
export { createLineExtensionsDao, type LineExtensionsDao } from './line-extensions.dao.js';
export * from './line-extensions.model.js';
export { createLineExtensionsNotifier, type LineExtensionsNotifier } from './line-extensions.notifier.js';
export {
  createLineExtensionsService,
  type LineExtensionsService,
  type LineExtensionsServiceDeps,
} from './line-extensions.service.js';
export { createLineExtensionsValidator, type LineExtensionsValidator } from './line-extensions.validator.js';
