export { groupSchedulesPlugin, userSchedulesPlugin } from './schedule-links.routes.js';
export { schedulesPlugin } from './schedules.routes.js';
