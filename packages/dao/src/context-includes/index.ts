// Public surface of the context includes (Wazo's context_context).
export { type ContextIncludesDao, createContextIncludesDao } from './context-includes.dao.js';
export * from './context-includes.model.js';
export { type ContextIncludesNotifier, createContextIncludesNotifier } from './context-includes.notifier.js';
export {
  type ContextIncludesService,
  type ContextIncludesServiceDeps,
  createContextIncludesService,
} from './context-includes.service.js';
export {
  type ContextIncludesValidator,
  createContextIncludesValidator,
} from './context-includes.validator.js';
