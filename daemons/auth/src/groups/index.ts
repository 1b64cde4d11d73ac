// Groups: resource, members, policies.
export { type GroupFilters, type GroupsDao, groupsDao } from './groups.dao.js';
export { allUsersGroupName, type Group, type GroupRecord } from './groups.model.js';
export { groupsPlugin } from './groups.routes.js';
export { createGroupsService, type GroupsService } from './groups.service.js';
