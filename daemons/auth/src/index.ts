// Public surface of @wazo-ts/auth (for the platform command and tests).
export { type AuthConfig, authDaemon } from './definition.js';
export type { AuthResources } from './resources.js';
