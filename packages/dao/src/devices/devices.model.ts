/**
 * A device as wazo-confd shows it (`GET /devices/{id}`): a phone's identity (MAC, IP, serial,
 * vendor, model, version), its provisioning plugin and template, status and options. Wazo keeps
 * devices in wazo-provd; they are kept here, in confd's database.
 */
import { linked, linkedTo, nullable, type Static, stringEnum, Type } from '../schema.js';

export const DEVICE_STATUSES = ['not_configured', 'autoprov', 'configured', 'corrupted'] as const;
/** Wazo matches from the start (Python `re.match`), so the pattern is anchored here. */
export const IP_PATTERN = '^(1?\\d{1,2}|2([0-4][0-9]|5[0-5]))(\\.(1?\\d{1,2}|2([0-4][0-9]|5[0-5]))){3}$';
export const MAC_PATTERN = '^([0-9A-Fa-f]{2})(:[0-9A-Fa-f]{2}){5}$';

const text = () => nullable(Type.String());
const optionsSchema = Type.Object({ switchboard: Type.Optional(Type.Boolean()) });

/** `GET /devices/{id}`. */
export const deviceSchema = linked('devices', {
  id: Type.String(),
  tenant_uuid: Type.String(),
  is_new: Type.Boolean(),
  status: stringEnum(DEVICE_STATUSES),
  ip: text(),
  mac: text(),
  sn: text(),
  plugin: text(),
  vendor: text(),
  model: text(),
  version: text(),
  description: text(),
  template_id: text(),
  options: nullable(optionsSchema),
});
export type Device = Static<typeof deviceSchema>;

const optionalText = () => Type.Optional(nullable(Type.String()));

/** `POST /devices` and `PUT /devices/{id}`: every field optional; a PUT changes the given ones. */
export const deviceBodySchema = Type.Object({
  ip: Type.Optional(nullable(Type.String({ pattern: IP_PATTERN }))),
  mac: Type.Optional(nullable(Type.String({ pattern: MAC_PATTERN }))),
  sn: optionalText(),
  plugin: optionalText(),
  vendor: optionalText(),
  model: optionalText(),
  version: optionalText(),
  description: optionalText(),
  template_id: optionalText(),
  options: Type.Optional(nullable(optionsSchema)),
});
export type DeviceBody = Static<typeof deviceBodySchema>;

/** A line's device (`GET /lines/{id}/devices`, `GET /devices/{id}/lines`). */
export const lineDeviceSchema = linkedTo(
  [
    { rel: 'lines', field: 'line_id' },
    { rel: 'devices', field: 'device_id' },
  ],
  { line_id: Type.Integer(), device_id: Type.String() },
);
export type LineDevice = Static<typeof lineDeviceSchema>;

/** What the dao stores. */
export type DeviceRow = Omit<Device, 'id'>;
