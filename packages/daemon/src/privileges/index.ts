export {
  type DropPrivilegesOptions,
  dropPrivileges,
  type PrivilegesLogger,
  type PrivilegesOutcome,
  type ProcessIdentity,
  ROOT_REFUSED_MESSAGE,
} from './drop.js';
export { PrivilegesError, type PrivilegesErrorId } from './errors.js';
export { type PasswdSource, parsePasswdLine, resolveUser, type SystemUser } from './users.js';
