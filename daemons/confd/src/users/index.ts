export { usersPlugin } from './users.routes.js';
