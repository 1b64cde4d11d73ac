/**
 * Parking lots (`/parkinglots`, Wazo's `parking_lot` plugin) and their extension
 * (`/parkinglots/{id}/extensions/{id}`, `parking_lot_extension`).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { parkingLotCreateSchema, parkingLotEditSchema, parkingLotSchema } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { registerCrudRoutes, registerOwnerExtensionRoutes } from './crud-routes.js';

export const parkingLotsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'parking_lot',
  load({ api, resources }) {
    registerCrudRoutes(api, resources, {
      path: 'parkinglots',
      idName: 'parking_lot_id',
      resource: 'ParkingLot',
      summaries: [
        'List parking lots',
        'Get parking lot',
        'Create parking lot',
        'Update parking lot',
        'Delete parking lot',
      ],
      answer: parkingLotSchema,
      createBody: parkingLotCreateSchema,
      editBody: parkingLotEditSchema,
      filters: LIST_FILTERS.parkinglots,
      service: resources.services.parkingLots,
    });
  },
};

export const parkingLotExtensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'parking_lot_extension',
  load({ api, resources }) {
    registerOwnerExtensionRoutes(api, resources.visibleTenants, {
      path: 'parkinglots',
      idName: 'parking_lot_id',
      resource: 'ParkingLot',
      noun: 'parking lot',
      service: resources.services.parkingLotExtensions,
    });
  },
};
