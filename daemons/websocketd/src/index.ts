// Public surface of @wazo-ts/websocketd (for the platform command and tests).
export { type WebsocketdConfig, websocketdDaemon } from './definition.js';
