// Policies: resource, escalation guard, the config's default policies.
export {
  applyDefaultPolicies,
  type ConfiguredPolicy,
  type DefaultPoliciesConfig,
} from './default-policies.js';
export { defaultPoliciesPlugin } from './default-policies.plugin.js';
export { type PoliciesDao, type PolicyFilters, policiesDao } from './policies.dao.js';
export {
  exposePolicy,
  type Policy,
  type PolicyKey,
  type PolicyRecord,
  policyKeyOf,
} from './policies.model.js';
export { policiesPlugin } from './policies.routes.js';
export { createPoliciesService, type PoliciesService } from './policies.service.js';
