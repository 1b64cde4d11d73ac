// Users: resource, password, e-mails, groups and policies of a user.
export { type UserFilters, type UsersDao, usersDao } from './users.dao.js';
export type { User, UserEmail } from './users.model.js';
export { usersPlugin } from './users.routes.js';
export { createUsersService, type PasswordHasher, type UsersService } from './users.service.js';
