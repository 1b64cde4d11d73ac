// Public surface of the devices resource (and a line's device).
export { createDevicesDao, type DevicesDao, deviceSearchConfig } from './devices.dao.js';
export {
  DEVICE_STATUSES,
  type Device,
  type DeviceBody,
  deviceBodySchema,
  deviceSchema,
  type LineDevice,
  lineDeviceSchema,
} from './devices.model.js';
export { createDevicesNotifier, type DevicesNotifier } from './devices.notifier.js';
export { createDevicesService, type DevicesService, type DevicesServiceDeps } from './devices.service.js';
export { createDevicesValidator, type DevicesValidator } from './devices.validator.js';
