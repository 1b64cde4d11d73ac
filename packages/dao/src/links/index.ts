// Public surface of the owner-to-resource link shape (declare a kind, build its dao and service).
export { createLinkDao, type LinkDao } from './links.dao.js';
export {
  defineLink,
  type LinkEvent,
  type LinkEvents,
  type LinkKey,
  type LinkKind,
  type LinkScoping,
  type LinkSide,
  type Tenanted,
} from './links.kind.js';
export { createLinkNotifier, type LinkNotifier } from './links.notifier.js';
export { createLinkService, type LinkService, type LinkServiceDeps } from './links.service.js';
export {
  createLinkValidator,
  type LinkRules,
  type LinkValidator,
  type LinkValidatorDeps,
} from './links.validator.js';
