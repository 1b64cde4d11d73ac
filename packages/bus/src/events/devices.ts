/** wazo-confd's device events, and those of a line's device. */
import { defineEvent } from './define.js';

export interface DevicePayload {
  id: string;
}

const deviceCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<DevicePayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const deviceCreated = deviceCrud('device_created', 'config.device.created');
export const deviceEdited = deviceCrud('device_edited', 'config.device.edited');
export const deviceDeleted = deviceCrud('device_deleted', 'config.device.deleted');

export interface LineDevicePayload {
  line: {
    id: number;
    name: string | null;
    endpoint_sip?: { uuid: string } | null;
    endpoint_sccp?: { id: number } | null;
    endpoint_custom?: { id: number } | null;
  };
  device: { id: string };
}

export const lineDeviceAssociated = defineEvent<LineDevicePayload>()({
  name: 'line_device_associated',
  routingKey: 'config.lines.{line[id]}.devices.{device[id]}.updated',
  scope: 'tenant',
  service: 'confd',
});

export const lineDeviceDissociated = defineEvent<LineDevicePayload>()({
  name: 'line_device_dissociated',
  routingKey: 'config.lines.{line[id]}.devices.{device[id]}.deleted',
  scope: 'tenant',
  service: 'confd',
});
