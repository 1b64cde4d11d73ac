export { soundLanguagesPlugin, timezonesPlugin } from './system-lists.routes.js';
export { availableTimezones } from './timezones.js';
