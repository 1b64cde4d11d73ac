// The tenants resource's public surface: the mirror of wazo-auth's tenants.
export type { DefaultSipTemplatesDeps } from './default-sip-templates.js';
export {
  DEFAULT_SIP_TEMPLATE_KINDS,
  DEFAULT_SIP_TEMPLATES,
  type DefaultSipTemplate,
  type DefaultSipTemplateKind,
  type TenantSipTemplateField,
  type TenantSipTemplates,
  tenantSipTemplateField,
} from './default-sip-templates.model.js';
export { createTenantsDao, type TenantsDao, tenantSearchConfig } from './tenants.dao.js';
export {
  TENANT_SLUG_PATTERN,
  type Tenant,
  type TenantEnsure,
  type TenantEnsureOutcome,
  type TenantView,
  tenantEnsureSchema,
} from './tenants.model.js';
export { createTenantsNotifier, type TenantsNotifier } from './tenants.notifier.js';
export {
  createTenantsService,
  type TenantEnsureResult,
  type TenantsService,
  type TenantsServiceDeps,
} from './tenants.service.js';
export { createTenantsValidator, type TenantsValidator } from './tenants.validator.js';
