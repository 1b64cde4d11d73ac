export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testServerConfig,
} from './postgres.js';
export { closeAmqpConnection } from './rabbitmq.js';
