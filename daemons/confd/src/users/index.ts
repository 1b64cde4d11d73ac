export { userForwardsPlugin, userServicesPlugin } from './user-settings.plugins.js';
export { usersPlugin } from './users.plugin.js';
