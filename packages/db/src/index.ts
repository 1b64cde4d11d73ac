// Public surface of @wazo-ts/db, the PostgreSQL toolkit: connection, unit of work with its
// outbox, migration runner, embedded server, health, and the list core. It knows no schema: each
// user (the Service API, wazo-auth) brings its tables, migrations and error translation.
export { busTablesMigration } from './bus-tables.js';
export { createDatabase, type DatabaseHandle, type DatabaseOptions, redactUri } from './connect.js';
export {
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
  type EmbeddedStage,
  startEmbeddedPostgres,
} from './embedded.js';
export { type DatabaseHealth, type HealthStatus, watchDatabaseHealth } from './health.js';
export * from './list/index.js';
export { type DaoLogger, errorFields, silentLogger } from './logger.js';
export {
  type AnyKysely,
  type MigrationSet,
  type MigrationState,
  migrateToLatest,
  migrationStatus,
  pendingMigrations,
} from './migrate.js';
export { type PreparedStatement, preparedStatement, usePreparedStatements } from './prepared.js';
export {
  createUnitOfWork,
  type EventSink,
  type Tx,
  type UnitOfWork,
  type UnitOfWorkOptions,
} from './unit-of-work.js';
