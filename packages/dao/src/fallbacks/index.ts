// Public surface of users' and groups' fallbacks.
export { createFallbacksDao, type FallbacksDao, type FallbackTable } from './fallbacks.dao.js';
export {
  CALL_FILTER_FALLBACK_EVENTS,
  callFilterFallbacksInputSchema,
  callFilterFallbacksSchema,
  type Fallbacks,
  type FallbacksInput,
  GROUP_FALLBACK_EVENTS,
  groupFallbacksInputSchema,
  groupFallbacksSchema,
  QUEUE_FALLBACK_EVENTS,
  queueFallbacksInputSchema,
  queueFallbacksSchema,
  USER_FALLBACK_EVENTS,
  userFallbacksInputSchema,
  userFallbacksSchema,
} from './fallbacks.model.js';
export { createFallbacksNotifier, type FallbacksNotifier } from './fallbacks.notifier.js';
export {
  createFallbacksService,
  type FallbackOwnerKind,
  type FallbacksService,
  type FallbacksServiceDeps,
} from './fallbacks.service.js';
