/** `wazo device ...`: wazo-confd's /devices (phones). */
import { type ResourceSpec, resourceCommand } from './crud.js';
import type { Io } from './runtime.js';

const spec: ResourceSpec = {
  noun: 'device',
  service: 'confd',
  path: '/devices',
  idLabel: 'device id',
  columns: ['id', 'mac', 'ip', 'vendor', 'model', 'status', 'description'],
  filters: ['mac', 'ip', 'vendor', 'model'],
  recurse: true,
  fields: [
    { key: 'mac', description: 'MAC address, aa:bb:cc:dd:ee:ff', value: 'mac' },
    { key: 'ip', description: 'IPv4 address', value: 'ip' },
    { key: 'sn', description: 'serial number', value: 'sn' },
    { key: 'vendor', description: 'vendor', value: 'name' },
    { key: 'model', description: 'model', value: 'name' },
    { key: 'version', description: 'firmware version', value: 'version' },
    { key: 'plugin', description: 'provisioning plugin', value: 'name' },
    { key: 'template_id', description: 'device template', value: 'id' },
    { key: 'description', description: 'free text', value: 'text' },
  ],
};

export const deviceCommand = (io: Io) => resourceCommand(io, spec, 'devices (wazo-confd)');
