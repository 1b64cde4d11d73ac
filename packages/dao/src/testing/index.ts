// Test helpers of @wazo-ts/dao: a migrated throwaway database for dao tests, a fake unit of work
// for service tests.
export { createFakeUnitOfWork, type FakeUnitOfWork } from './fake-unit-of-work.js';
export {
  createMigratedTestDatabase,
  type EventEncoder,
  type MigratedTestDatabase,
  testEncoder,
} from './migrated-database.js';
