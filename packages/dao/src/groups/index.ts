// Public surface of the groups resource.
export { createGroupsDao, type GroupKey, type GroupsDao, groupSearchConfig } from './groups.dao.js';
export {
  type CallerIdMode,
  type Group,
  type GroupCreate,
  type GroupCreateBody,
  type GroupEdit,
  type GroupFields,
  type GroupMemberSummary,
  type GroupMemberUser,
  type GroupRelations,
  type GroupScheduleSummary,
  groupCreateSchema,
  groupEditSchema,
  groupInputOf,
  groupSchema,
  RING_STRATEGIES,
  type RingStrategy,
} from './groups.model.js';
export { createGroupsNotifier, type GroupsNotifier } from './groups.notifier.js';
export { createGroupsService, type GroupsService, type GroupsServiceDeps } from './groups.service.js';
export {
  createGroupsValidator,
  type GroupsValidator,
  type GroupsValidatorDeps,
  type MusicOnHoldExists,
} from './groups.validator.js';
