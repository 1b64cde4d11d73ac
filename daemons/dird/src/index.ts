// Public surface of @wazo-ts/dird (for the platform command and tests).
export { type DirdConfig, dirdDaemon } from './definition.js';
