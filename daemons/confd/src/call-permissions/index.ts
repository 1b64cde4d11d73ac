export { groupCallPermissionsPlugin, userCallPermissionsPlugin } from './call-permission-links.routes.js';
export { callPermissionsPlugin } from './call-permissions.routes.js';
