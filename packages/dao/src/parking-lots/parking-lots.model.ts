/**
 * A parking lot (Wazo's `parking_lot`) as wazo-confd shows it: a tenant's range of parking slots
 * (`slots_start` to `slots_end`, digits), how long a call stays parked and its music on hold;
 * its extension (at most one, written by `PUT /parkinglots/{id}/extensions/{id}`), whose context
 * is the lot's.
 */
import { ownedExtensionSchema } from '../conferences/conferences.model.js';
import { linked, nullable, type Static, Type } from '../schema.js';

const parkingLotFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  slots_start: Type.String(),
  slots_end: Type.String(),
  timeout: nullable(Type.Integer()),
  music_on_hold: nullable(Type.String()),
};
const fieldsSchema = Type.Object(parkingLotFields);
export type ParkingLotFields = Static<typeof fieldsSchema>;

/** `GET /parkinglots/{id}`. */
export const parkingLotSchema = linked('parkinglots', {
  ...parkingLotFields,
  extensions: Type.Array(ownedExtensionSchema),
});
export type ParkingLot = Static<typeof parkingLotSchema>;

const optional = Type.Optional;
const slots = Type.String({ maxLength: 40 });
const inputProperties = {
  name: optional(nullable(Type.String({ maxLength: 128 }))),
  /** Digits (Wazo's `isdigit` predicate, checked by the service). */
  slots_start: slots,
  slots_end: slots,
  timeout: optional(nullable(Type.Integer({ minimum: 0 }))),
  music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
};

/** POST /parkinglots body: the slots are required. */
export const parkingLotCreateSchema = Type.Object(inputProperties);
export type ParkingLotCreate = Static<typeof parkingLotCreateSchema>;

/** PUT /parkinglots/{id} body: what is given changes. */
export const parkingLotEditSchema = Type.Object({
  ...inputProperties,
  slots_start: optional(slots),
  slots_end: optional(slots),
});
export type ParkingLotEdit = Static<typeof parkingLotEditSchema>;

export type ParkingLotRow = Omit<ParkingLotFields, 'id'>;

/** Wazo's `in_slots_range`: digits not starting with 0, between the lot's slots. */
export function inSlotsRange(
  lot: Pick<ParkingLotFields, 'slots_start' | 'slots_end'>,
  exten: string,
): boolean {
  if (!/^[0-9]+$/.test(exten) || exten.startsWith('0')) return false;
  const value = BigInt(exten);
  return BigInt(lot.slots_start) <= value && value <= BigInt(lot.slots_end);
}
