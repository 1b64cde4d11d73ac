// The tenant tree: the one set of walks (subtree, ancestors, visibility, master, a user's tenant).
export {
  ancestorsOf,
  isInSubtree,
  masterTenantOf,
  subtreeOf,
  tenantTree,
  userTenantOf,
} from './tenant-tree.dao.js';
export type { TenantTree } from './tenant-tree.model.js';
