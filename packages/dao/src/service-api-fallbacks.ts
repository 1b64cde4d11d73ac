/**
 * The fallbacks services of the Service API: users', groups' and call filters' fallbacks on one shape, each
 * owner kind found by its own resource's dao and announced by its own event.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  CALL_FILTER_FALLBACK_EVENTS,
  createFallbacksDao,
  createFallbacksNotifier,
  createFallbacksService,
  GROUP_FALLBACK_EVENTS,
  USER_FALLBACK_EVENTS,
} from './fallbacks/index.js';
import type { Daos } from './service-api-daos.js';

export function fallbackServicesOf(uow: UnitOfWork, daos: Daos) {
  const dao = createFallbacksDao();
  const notifier = createFallbacksNotifier();
  return {
    userFallbacks: createFallbacksService({
      uow,
      dao,
      kind: {
        resource: 'User',
        table: 'user_fallback',
        ownerColumn: 'user_id',
        events: USER_FALLBACK_EVENTS,
        find: async (tx, scope, key) => (await daos.users.find(tx, scope, key)) ?? null,
        edited: notifier.userEdited,
      },
    }),
    groupFallbacks: createFallbacksService({
      uow,
      dao,
      kind: {
        resource: 'Group',
        table: 'group_fallback',
        ownerColumn: 'group_id',
        events: GROUP_FALLBACK_EVENTS,
        find: (tx, scope, key) => daos.groups.find(tx, scope, key),
        edited: notifier.groupEdited,
      },
    }),
    callFilterFallbacks: createFallbacksService({
      uow,
      dao,
      kind: {
        resource: 'CallFilter',
        table: 'call_filter_fallback',
        ownerColumn: 'call_filter_id',
        events: CALL_FILTER_FALLBACK_EVENTS,
        find: (tx, scope, key) => daos.callFilters.find(tx, scope, Number(key)),
        edited: notifier.callFilterEdited,
      },
    }),
  };
}
