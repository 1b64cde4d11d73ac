/** Tables of the parking lots and their extension, as Kysely types. Only their daos query them. */
import type { Generated } from 'kysely';

export interface ParkingLotTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string | null;
  slots_start: string;
  slots_end: string;
  timeout: number | null;
  music_on_hold: string | null;
}

export interface ParkingLotExtensionTable {
  parking_lot_id: number;
  extension_id: number;
}

export interface ParkingLotTables {
  parking_lot: ParkingLotTable;
  parking_lot_extension: ParkingLotExtensionTable;
}
