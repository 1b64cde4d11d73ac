// Public surface of a group's extension members.
export {
  createGroupMemberExtensionsDao,
  type GroupMemberExtensionsDao,
} from './group-member-extensions.dao.js';
export {
  type GroupMemberExtension,
  type GroupMemberExtensionInput,
  groupMemberExtensionsSchema,
} from './group-member-extensions.model.js';
export {
  createGroupMemberExtensionsNotifier,
  type GroupMemberExtensionsNotifier,
} from './group-member-extensions.notifier.js';
export {
  createGroupMemberExtensionsService,
  type GroupMemberExtensionsService,
  type GroupMemberExtensionsServiceDeps,
} from './group-member-extensions.service.js';
export {
  createGroupMemberExtensionsValidator,
  type GroupMemberExtensionsValidator,
} from './group-member-extensions.validator.js';
