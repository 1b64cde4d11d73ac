// Public surface of @wazo-ts/webhookd (for the platform command and tests).
export { type WebhookdConfig, webhookdDaemon } from './definition.js';
export { createMasterTenant, type MasterTenant } from './master-tenant/index.js';
export type { WebhookdResources } from './resources.js';
