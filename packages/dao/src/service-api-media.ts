/**
 * The media services of the Service API: IVRs (voice menus), music on hold classes, the sound
 * categories' events, and the
 * lookup other resources check a `music_on_hold` name with. Wiring only.
 */
import type { Tx, UnitOfWork } from './db/unit-of-work.js';
import {
  createIvrDao,
  createIvrNotifier,
  createIvrService,
  createIvrValidator,
  type IvrService,
} from './ivr/index.js';
import {
  createMohDao,
  createMohNotifier,
  createMohService,
  createMohValidator,
  type MohService,
} from './moh/index.js';
import { createSoundsNotifier, createSoundsService, type SoundsService } from './sounds/index.js';

export interface MediaServices {
  ivr: IvrService;
  moh: MohService;
  sounds: SoundsService;
}

const mohDao = createMohDao();

/** Whether the tenant has a music on hold class of that name (users', groups', applications' check). */
export const mohNameExists = (tx: Tx, tenantUuid: string, name: string): Promise<boolean> =>
  mohDao.nameExists(tx, tenantUuid, name);

export function mediaServicesOf(uow: UnitOfWork): MediaServices {
  return {
    ivr: createIvrService({
      uow,
      dao: createIvrDao(),
      validator: createIvrValidator(),
      notifier: createIvrNotifier(),
    }),
    moh: createMohService({
      uow,
      dao: mohDao,
      validator: createMohValidator(),
      notifier: createMohNotifier(),
    }),
    sounds: createSoundsService({ uow, notifier: createSoundsNotifier() }),
  };
}
