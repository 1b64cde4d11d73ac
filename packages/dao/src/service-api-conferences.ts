/**
 * The services of conferences, pagings and parking lots, and of the extensions of conferences
 * and parking lots, wired to the daos that own the data they check.
 */
import {
  createConferenceExtensionsNotifier,
  createConferencesNotifier,
  createConferencesService,
  validateConferenceExtension,
} from './conferences/index.js';
import type { Tx, UnitOfWork } from './db/unit-of-work.js';
import {
  CONFERENCE_OWNER,
  createOwnerExtensionsService,
  createOwnerExtensionsValidator,
  PARKING_LOT_OWNER,
} from './owner-extensions/index.js';
import { createPagingsNotifier, createPagingsService, createPagingsValidator } from './pagings/index.js';
import {
  createParkingLotExtensionsNotifier,
  createParkingLotsNotifier,
  createParkingLotsService,
  createParkingLotsValidator,
  type ParkingLot,
} from './parking-lots/index.js';
import type { TenantScope } from './search/search.js';
import { createHooks, type Daos } from './service-api-daos.js';

export function conferenceGroupServicesOf(uow: UnitOfWork, daos: Daos) {
  const { findUser } = createHooks(daos);
  const parkingLotsValidator = createParkingLotsValidator({ dao: daos.parkingLots });
  const findConference = (tx: Tx, scope: TenantScope, id: number) => daos.conferences.find(tx, scope, id);
  const findParkingLot = (tx: Tx, scope: TenantScope, id: number) => daos.parkingLots.find(tx, scope, id);
  return {
    conferences: createConferencesService({
      uow,
      dao: daos.conferences,
      notifier: createConferencesNotifier(),
    }),
    conferenceExtensions: createOwnerExtensionsService({
      uow,
      kind: CONFERENCE_OWNER,
      dao: daos.conferenceExtensions,
      validator: createOwnerExtensionsValidator({
        kind: CONFERENCE_OWNER,
        dao: daos.conferenceExtensions,
        contexts: daos.contexts,
        validateMore: validateConferenceExtension,
      }),
      notifier: createConferenceExtensionsNotifier(),
      findOwner: findConference,
      extensions: daos.extensions,
    }),
    pagings: createPagingsService({
      uow,
      dao: daos.pagings,
      validator: createPagingsValidator({ dao: daos.pagings }),
      notifier: createPagingsNotifier(),
      findUser,
    }),
    parkingLots: createParkingLotsService({
      uow,
      dao: daos.parkingLots,
      validator: parkingLotsValidator,
      notifier: createParkingLotsNotifier(),
    }),
    parkingLotExtensions: createOwnerExtensionsService<ParkingLot>({
      uow,
      kind: PARKING_LOT_OWNER,
      dao: daos.parkingLotExtensions,
      validator: createOwnerExtensionsValidator<ParkingLot>({
        kind: PARKING_LOT_OWNER,
        dao: daos.parkingLotExtensions,
        contexts: daos.contexts,
        validateMore: parkingLotsValidator.validateExtension,
      }),
      notifier: createParkingLotExtensionsNotifier(),
      findOwner: findParkingLot,
      extensions: daos.extensions,
    }),
  };
}
