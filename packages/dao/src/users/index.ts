// Public surface of the users resource.
export { USER_LINE_FILTER_NAMES } from './user-line-filters.js';
export { isPlainUserPage, type UserPageJson, userPageSql } from './user-page.dao.js';
export { createUsersDao, type SearchRestriction, type UsersDao, userSearchConfig } from './users.dao.js';
export type {
  User,
  UserCreate,
  UserEdit,
  UserFields,
  UserGroupSummary,
  UserKey,
  UserRef,
  UserWithRelations,
} from './users.model.js';
export {
  userCreateSchema,
  userEditSchema,
  userForwardsAnswerSchema,
  userGroupSummarySchema,
  userScheduleSummarySchema,
  userSchema,
  userServicesAnswerSchema,
  userVoicemailSummarySchema,
} from './users.model.js';
export { createUsersNotifier, type UsersNotifier } from './users.notifier.js';
export { PASSWORD_PATTERN, USERNAME_PATTERN } from './users.schema.js';
export { createUsersService, type UsersService, type UsersServiceDeps } from './users.service.js';
export { createUsersValidator, type MohExists, type UsersValidator } from './users.validator.js';
