export { housekeepingPlugin } from './housekeeping.plugin.js';
