// Public surface of the pagings resource, its users and their events.
export { createPagingsDao, type PagingsDao, pagingSearchConfig } from './pagings.dao.js';
export {
  type Paging,
  type PagingCreate,
  type PagingEdit,
  type PagingUsers,
  pagingCreateSchema,
  pagingEditSchema,
  pagingSchema,
  pagingUsersSchema,
} from './pagings.model.js';
export { createPagingsNotifier, type PagingsNotifier } from './pagings.notifier.js';
export { createPagingsService, type PagingsService, type PagingsServiceDeps } from './pagings.service.js';
export { createPagingsValidator, type PagingsValidator } from './pagings.validator.js';
