/**
 * The devices' events: device_created/edited/deleted {id} for the device's tenant, and
 * line_device_associated/dissociated {line, device} for the line's tenant.
 */
import {
  deviceCreated,
  deviceDeleted,
  deviceEdited,
  lineDeviceAssociated,
  lineDeviceDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Line } from '../lines/lines.model.js';
import type { Device } from './devices.model.js';

type DeviceIdentity = Pick<Device, 'id' | 'tenant_uuid'>;

/** The line as the line_device events show it: id, name and its endpoint's key. */
function lineOf(line: Line) {
  return {
    id: line.id,
    name: line.name,
    endpoint_sip: line.endpoint_sip ? { uuid: line.endpoint_sip.uuid } : null,
    endpoint_sccp: line.endpoint_sccp ? { id: line.endpoint_sccp.id } : null,
    endpoint_custom: line.endpoint_custom ? { id: line.endpoint_custom.id } : null,
  };
}

export function createDevicesNotifier() {
  const tenantOf = (device: DeviceIdentity) => ({ tenantUuid: device.tenant_uuid });
  return {
    created: (tx: Tx, device: DeviceIdentity) =>
      tx.events.add(deviceCreated.build({ id: device.id }, tenantOf(device))),
    edited: (tx: Tx, device: DeviceIdentity) =>
      tx.events.add(deviceEdited.build({ id: device.id }, tenantOf(device))),
    deleted: (tx: Tx, device: DeviceIdentity) =>
      tx.events.add(deviceDeleted.build({ id: device.id }, tenantOf(device))),
    lineAssociated: (tx: Tx, line: Line, device: DeviceIdentity) =>
      tx.events.add(
        lineDeviceAssociated.build(
          { line: lineOf(line), device: { id: device.id } },
          { tenantUuid: line.tenant_uuid },
        ),
      ),
    lineDissociated: (tx: Tx, line: Line, device: DeviceIdentity) =>
      tx.events.add(
        lineDeviceDissociated.build(
          { line: lineOf(line), device: { id: device.id } },
          { tenantUuid: line.tenant_uuid },
        ),
      ),
  };
}

export type DevicesNotifier = ReturnType<typeof createDevicesNotifier>;
