export { tenantsPlugin, tenantViewSchema } from './tenants.routes.js';
