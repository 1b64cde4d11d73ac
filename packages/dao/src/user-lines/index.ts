// Public surface of the user-line association.
export { createUserLinesDao, type UserLinesDao } from './user-lines.dao.js';
export * from './user-lines.model.js';
export { createUserLinesNotifier, type UserLinesNotifier } from './user-lines.notifier.js';
export {
  createUserLinesService,
  type UserIdOrUuid,
  type UserLinesService,
  type UserLinesServiceDeps,
} from './user-lines.service.js';
export { createUserLinesValidator, type UserLinesValidator } from './user-lines.validator.js';
