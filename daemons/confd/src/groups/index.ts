export { groupExtensionsPlugin } from './group-extensions.routes.js';
export { groupMemberExtensionsPlugin } from './group-member-extensions.routes.js';
export { groupMemberUsersPlugin } from './group-members.routes.js';
export { groupsPlugin } from './groups.routes.js';
export { userGroupsPlugin } from './user-groups.routes.js';
