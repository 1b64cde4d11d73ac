// Public surface of the parking lots resource and its events.
export { createParkingLotsDao, type ParkingLotsDao, parkingLotSearchConfig } from './parking-lots.dao.js';
export {
  inSlotsRange,
  type ParkingLot,
  type ParkingLotCreate,
  type ParkingLotEdit,
  parkingLotCreateSchema,
  parkingLotEditSchema,
  parkingLotSchema,
} from './parking-lots.model.js';
export {
  createParkingLotExtensionsNotifier,
  createParkingLotsNotifier,
  type ParkingLotsNotifier,
} from './parking-lots.notifier.js';
export {
  createParkingLotsService,
  type ParkingLotsService,
  type ParkingLotsServiceDeps,
} from './parking-lots.service.js';
export { createParkingLotsValidator, type ParkingLotsValidator } from './parking-lots.validator.js';
