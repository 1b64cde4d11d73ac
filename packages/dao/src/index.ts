// Public surface of @wazo-ts/dao, the Service API library. Daemons import only from here.

export * from './context-includes/index.js';
export * from './contexts/index.js';
export { createDatabase, type DatabaseHandle, type DatabaseOptions, redactUri } from './db/connect.js';
export type { Database } from './db/database.js';
export {
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
  type EmbeddedStage,
  startEmbeddedPostgres,
} from './db/embedded.js';
export { type DatabaseHealth, type HealthStatus, watchDatabaseHealth } from './db/health.js';
export type { DaoLogger } from './db/logger.js';
export {
  type AnyKysely,
  type MigrationSet,
  type MigrationState,
  migrateToLatest,
  migrationStatus,
  pendingMigrations,
  serviceApiMigrations,
} from './db/migrate.js';
export {
  createUnitOfWork,
  type EventSink,
  type Tx,
  type UnitOfWork,
  type UnitOfWorkOptions,
} from './db/unit-of-work.js';
export * from './errors.js';
export * from './extensions/index.js';
export * from './group-members/index.js';
export * from './group-schedules/index.js';
export * from './groups/index.js';
export * from './line-extensions/index.js';
export * from './lines/index.js';
export * from './links/index.js';
export * from './schedules/index.js';
export { runSearch, type SearchConfig } from './search/apply.js';
export {
  type SearchParams,
  type SearchResult,
  type SortDirection,
  scopeOf,
  type TenantScope,
} from './search/search.js';
export { createServiceApi, type ServiceApi, type ServiceApiOptions } from './service-api.js';
export {
  createUserRelationsReader,
  type GetUserWithRelations,
  type UserGroupSummary,
  type UserRelationsSources,
  type UserWithRelations,
} from './service-api-reads.js';
export * from './tenants/index.js';
export * from './user-forwards/index.js';
export * from './user-lines/index.js';
export * from './user-schedules/index.js';
export * from './user-services/index.js';
export * from './user-settings/index.js';
export * from './users/index.js';
