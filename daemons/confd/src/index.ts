// Public surface of @wazo-ts/confd (for the platform command and tests).
export { type ConfdConfig, confdDaemon } from './definition.js';
export type { ConfdResources } from './resources.js';
