// How a user's token ACL is computed at login (reference/wazo-auth.md §3).
export { type AclDao, aclDao } from './acl.dao.js';
export { type AclComputation, createAclComputation } from './acl.service.js';
