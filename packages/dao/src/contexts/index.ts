// Public surface of the contexts resource.

export {
  type ExtenRun,
  listRangeRuns,
  MAX_SEARCHED_EXTENS,
  RANGE_TYPES,
  type RangeBounds,
  type RangeListOptions,
  type RangeType,
} from './context-ranges.js';
export { type ContextsDao, contextSearchConfig, createContextsDao } from './contexts.dao.js';
export * from './contexts.model.js';
export { type ContextsNotifier, createContextsNotifier } from './contexts.notifier.js';
export { type ContextsService, type ContextsServiceDeps, createContextsService } from './contexts.service.js';
export { type ContextsValidator, createContextsValidator } from './contexts.validator.js';
