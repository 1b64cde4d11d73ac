// Public surface of the users resource.
export { createUsersDao, type SearchRestriction, type UsersDao, userSearchConfig } from './users.dao.js';
export type { User, UserCreate, UserEdit, UserFields, UserKey, UserRef } from './users.model.js';
export { userCreateSchema, userEditSchema } from './users.model.js';
export { createUsersNotifier, type UsersNotifier } from './users.notifier.js';
export { createUsersService, type UsersService, type UsersServiceDeps } from './users.service.js';
export { createUsersValidator, type MohExists, type UsersValidator } from './users.validator.js';
