/**
 * Keeps the token cache honest about this process's own revocations: a unit of work whose events
 * include `auth_session_deleted` evicts those sessions once its transaction is over, before the
 * service returns, so the very next check of a revoked token reads the database and answers 404.
 * Whoever deletes sessions (logout, session routes, user disable/delete/password change, refresh
 * token deletion, the purge) already queues that event, so no writer has to know about the cache.
 */
import { authSessionDeleted, authTenantDeleted, type BusEvent } from '@wazo-ts/bus';
import type { UnitOfWork } from '@wazo-ts/db';
import type { TokenCache } from './token-cache.js';

/** What an event means for the cache: evict one session, everything (a tenant's cascade), or nothing. */
export function evictFor(cache: TokenCache, event: Pick<BusEvent, 'name' | 'data'>): void {
  if (event.name === authSessionDeleted.name) cache.evictSession((event.data as { uuid: string }).uuid);
  else if (event.name === authTenantDeleted.name) cache.clear();
}

export function evictingUnitOfWork<DB>(uow: UnitOfWork<DB>, cache: TokenCache): UnitOfWork<DB> {
  const evicting =
    (enter: UnitOfWork<DB>['run']): UnitOfWork<DB>['run'] =>
    async (work) => {
      const queued: BusEvent[] = [];
      try {
        return await enter((tx) =>
          work({
            db: tx.db,
            events: {
              add: (event) => {
                queued.push(event);
                tx.events.add(event);
              },
            },
          }),
        );
      } finally {
        // Also after a failed COMMIT: an eviction too many only costs one database read.
        for (const event of queued) evictFor(cache, event);
      }
    };
  return {
    run: evicting((work) => uow.run(work)),
    // A savepoint undone evicts too: an eviction too many only costs one database read.
    savepoint: evicting((work) => uow.savepoint(work)),
    read: (work) => uow.read(work),
  };
}
