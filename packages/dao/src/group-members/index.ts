// Public surface of group membership (users in groups, from either side).
export { createGroupMembersDao, type GroupMembersDao } from './group-members.dao.js';
export {
  type GroupMemberUserInput,
  type GroupRefInput,
  groupMemberUsersSchema,
  type UserGroup,
  userGroupsSchema,
} from './group-members.model.js';
export { createGroupMembersNotifier, type GroupMembersNotifier } from './group-members.notifier.js';
export {
  createGroupMembersService,
  type GroupMembersService,
  type GroupMembersServiceDeps,
} from './group-members.service.js';
export {
  createGroupMembersValidator,
  type GroupMembersValidator,
  type GroupMembersValidatorDeps,
  type HasLine,
  type MainLineId,
} from './group-members.validator.js';
export type { FindUser } from './user-ref.js';
