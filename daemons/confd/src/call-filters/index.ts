export { callFilterUsersPlugin } from './call-filter-users.routes.js';
export { callFiltersPlugin } from './call-filters.routes.js';
