// The list core: what confd's search (runSearch, @wazo-ts/dao) and wazo-auth's lists (pageOf)
// share. They differ in their pattern and in what they count, not in how they page.
export {
  type AnyQuery,
  countRows,
  DEEP_OFFSET,
  escapeLike,
  type PageRequest,
  type SortDirection,
  sortedPage,
} from './page.js';
export { type ColumnRef, inTenants, oneOf, seesNoTenant } from './scope.js';
export { isUuid, UUID_PATTERN } from './uuid.js';
