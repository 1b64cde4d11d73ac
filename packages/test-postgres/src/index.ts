// Public surface of @wazo-ts/test-postgres: the lowest test helper, used by @wazo-ts/bus's own
// tests and re-exported by @wazo-ts/db/testing for everything above (see docs/architecture.md).
export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testServerConfig,
} from './postgres.js';
