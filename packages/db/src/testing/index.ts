// Test helpers of @wazo-ts/db: throwaway databases on the test server (from
// @wazo-ts/test-postgres, which the bus's own tests use too) and an event encoder that needs no
// transport.
export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testServerConfig,
} from '@wazo-ts/test-postgres';
export { databaseFingerprint, tablesContaining } from './fingerprint.js';
export { type EventEncoder, testEncoder } from './test-encoder.js';
export { type WriteWatch, watchWrites } from './write-watch.js';
