/** The daos of conferences, pagings and parking lots, and of their extensions (one of each). */
import { createConferencesDao } from './conferences/index.js';
import { CONFERENCE_OWNER, createOwnerExtensionsDao, PARKING_LOT_OWNER } from './owner-extensions/index.js';
import { createPagingsDao } from './pagings/index.js';
import { createParkingLotsDao } from './parking-lots/index.js';

export function createConferenceGroupDaos() {
  return {
    conferences: createConferencesDao(),
    conferenceExtensions: createOwnerExtensionsDao(CONFERENCE_OWNER),
    pagings: createPagingsDao(),
    parkingLots: createParkingLotsDao(),
    parkingLotExtensions: createOwnerExtensionsDao(PARKING_LOT_OWNER),
  };
}
