export { callPickupMembersPlugin, callPickupsPlugin } from './call-pickups.routes.js';
