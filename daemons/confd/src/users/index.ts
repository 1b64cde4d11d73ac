export { userForwardsPlugin } from './user-forwards.routes.js';
export { userServicesPlugin } from './user-services.routes.js';
export { usersPlugin } from './users.plugin.js';
