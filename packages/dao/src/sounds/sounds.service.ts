/**
 * The sound categories' events. A category is a folder of sound files, kept on disk by the REST
 * layer (nothing in the database): this service only records, in the outbox, that one was
 * created or deleted, once the folder change is done.
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { SoundsNotifier } from './sounds.notifier.js';

export interface SoundsServiceDeps {
  uow: UnitOfWork;
  notifier: SoundsNotifier;
}

export function createSoundsService({ uow, notifier }: SoundsServiceDeps) {
  return {
    created: (tenantUuid: string, name: string): Promise<void> =>
      uow.run(async (tx) => notifier.created(tx, tenantUuid, name)),
    deleted: (tenantUuid: string, name: string): Promise<void> =>
      uow.run(async (tx) => notifier.deleted(tx, tenantUuid, name)),
  };
}

export type SoundsService = ReturnType<typeof createSoundsService>;
