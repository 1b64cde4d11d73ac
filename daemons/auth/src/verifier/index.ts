// wazo-auth's own token checks, the tenant tree and request scoping helpers.
export { createLocalTokenVerifier } from './local-verifier.js';
export { scopingTenantOf, userOfPath } from './request-scope.js';
export {
  type AuthDb,
  isInSubtree,
  subtreeOf,
  tenantTree,
  topTenantOf,
  userTenantOf,
} from './tenant-tree.dao.js';
export type { TenantTree } from './verifier.model.js';
