/**
 * The media services of the Service API: IVRs (voice menus), music on hold classes and sounds.
 * Wiring only: each service built from its dao, validator and notifier.
 */
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createIvrDao,
  createIvrNotifier,
  createIvrService,
  createIvrValidator,
  type IvrService,
} from './ivr/index.js';

export interface MediaServices {
  ivr: IvrService;
}

export function mediaServicesOf(uow: UnitOfWork): MediaServices {
  return {
    ivr: createIvrService({
      uow,
      dao: createIvrDao(),
      validator: createIvrValidator(),
      notifier: createIvrNotifier(),
    }),
  };
}
