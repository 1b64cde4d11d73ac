export {
  outcallCallPermissionsPlugin,
  outcallExtensionsPlugin,
  outcallSchedulesPlugin,
  outcallsPlugin,
  outcallTrunksPlugin,
} from './outcalls.routes.js';
export { registersIaxPlugin, trunkRegistersPlugin } from './registers.routes.js';
export { trunkEndpointsPlugin, trunksPlugin } from './trunks.routes.js';
