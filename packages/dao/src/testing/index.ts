// Test helpers of @wazo-ts/dao: a migrated throwaway database for dao tests, a fake unit of work
// for service tests.

// The encoder is the toolkit's; re-exported because every confd test that builds services uses it.
export { type EventEncoder, testEncoder } from '@wazo-ts/db/testing';
export { createFakeUnitOfWork, type FakeUnitOfWork } from './fake-unit-of-work.js';
export { createMigratedTestDatabase, type MigratedTestDatabase } from './migrated-database.js';
