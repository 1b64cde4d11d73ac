/**
 * The parking lots' events, tenant-wide: parking_lot_created/edited/deleted {id}, and
 * parking_lot_extension_associated/dissociated {parking_lot_id, extension_id}.
 */
import {
  parkingLotCreated,
  parkingLotDeleted,
  parkingLotEdited,
  parkingLotExtensionAssociated,
  parkingLotExtensionDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import { createOwnerExtensionsNotifier } from '../owner-extensions/owner-extensions.notifier.js';
import type { ParkingLot } from './parking-lots.model.js';

type Identity = Pick<ParkingLot, 'id' | 'tenant_uuid'>;
const scoping = (lot: Identity) => ({ tenantUuid: lot.tenant_uuid });

export function createParkingLotsNotifier() {
  return {
    created(tx: Tx, lot: Identity): void {
      tx.events.add(parkingLotCreated.build({ id: lot.id }, scoping(lot)));
    },
    edited(tx: Tx, lot: Identity): void {
      tx.events.add(parkingLotEdited.build({ id: lot.id }, scoping(lot)));
    },
    deleted(tx: Tx, lot: Identity): void {
      tx.events.add(parkingLotDeleted.build({ id: lot.id }, scoping(lot)));
    },
  };
}

export type ParkingLotsNotifier = ReturnType<typeof createParkingLotsNotifier>;

export const createParkingLotExtensionsNotifier = () =>
  createOwnerExtensionsNotifier({
    associated: (lot, extensionId) =>
      parkingLotExtensionAssociated.build(
        { parking_lot_id: lot.id, extension_id: extensionId },
        scoping(lot),
      ),
    dissociated: (lot, extensionId) =>
      parkingLotExtensionDissociated.build(
        { parking_lot_id: lot.id, extension_id: extensionId },
        scoping(lot),
      ),
  });
