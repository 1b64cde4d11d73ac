export { schedulesPlugin } from './schedules.routes.js';
