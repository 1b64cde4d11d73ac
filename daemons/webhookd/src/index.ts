// Public surface of @wazo-ts/webhookd (for the platform command and tests).
export { type WebhookdConfig, webhookdDaemon } from './definition.js';
