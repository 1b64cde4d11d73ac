// Public surface of @wazo-ts/chatd (for the platform command and tests).
export { type ChatdConfig, chatdDaemon } from './definition.js';
