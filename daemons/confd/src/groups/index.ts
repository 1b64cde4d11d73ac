export { groupMemberUsersPlugin } from './group-members.routes.js';
export { groupsPlugin } from './groups.routes.js';
