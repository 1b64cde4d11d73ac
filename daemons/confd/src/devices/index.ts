export { devicesPlugin } from './devices.routes.js';
export { lineDevicesPlugin } from './line-devices.routes.js';
