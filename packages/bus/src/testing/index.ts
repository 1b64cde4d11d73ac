export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testServerConfig,
} from './postgres.js';
