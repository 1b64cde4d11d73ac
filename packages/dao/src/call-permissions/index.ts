// Public surface of the call permissions resource and of its links to users and groups.
import type { UserRef } from '../group-members/user-ref.js';
import type { Group } from '../groups/groups.model.js';
import type { LinkService } from '../links/index.js';
import type { CallPermissionSummary } from './call-permissions.links.js';
import type { CallPermission } from './call-permissions.model.js';

export {
  type CallPermissionsDao,
  callPermissionSearchConfig,
  createCallPermissionsDao,
} from './call-permissions.dao.js';
export {
  type CallPermissionSummary,
  groupCallPermissionLink,
  userCallPermissionLink,
} from './call-permissions.links.js';
export {
  CALL_PERMISSION_MODES,
  type CallPermission,
  type CallPermissionCreate,
  type CallPermissionEdit,
  callPermissionCreateSchema,
  callPermissionEditSchema,
  callPermissionSchema,
} from './call-permissions.model.js';
export { type CallPermissionsNotifier, createCallPermissionsNotifier } from './call-permissions.notifier.js';
export {
  type CallPermissionsService,
  type CallPermissionsServiceDeps,
  createCallPermissionsService,
} from './call-permissions.service.js';
export {
  type CallPermissionsValidator,
  createCallPermissionsValidator,
} from './call-permissions.validator.js';

export type UserCallPermissionsService = LinkService<
  UserRef,
  CallPermission,
  { uuid: string },
  CallPermissionSummary,
  number
>;
export type GroupCallPermissionsService = LinkService<
  Group,
  CallPermission,
  { id: number; uuid: string; name: string },
  CallPermissionSummary,
  number
>;
