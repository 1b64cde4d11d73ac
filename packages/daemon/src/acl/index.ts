export {
  type AclIdentity,
  type AclMatcher,
  aclMatcherFor,
  canGrant,
  canRevoke,
  compileAcl,
} from './matcher.js';
export { type AclParams, aclSegmentOf, compileAclTemplate, requiredAclFor } from './required-acl.js';
