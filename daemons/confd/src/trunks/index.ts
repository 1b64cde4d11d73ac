export {
  outcallCallPermissionsPlugin,
  outcallExtensionsPlugin,
  outcallSchedulesPlugin,
  outcallsPlugin,
  outcallTrunksPlugin,
} from './outcalls.routes.js';
export { trunkEndpointsPlugin, trunksPlugin } from './trunks.routes.js';
