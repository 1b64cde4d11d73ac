// Public surface of @wazo-ts/dao, the Service API library. Daemons import only from here; the
// PostgreSQL toolkit under it (connection, unit of work, migrations runner) is @wazo-ts/db.

export * from './access-features/index.js';
export * from './agents/index.js';
export * from './applications/index.js';
export * from './blocklists/index.js';
export * from './call-filters/index.js';
export * from './call-permissions/index.js';
export * from './call-pickups/index.js';
export * from './conferences/index.js';
export * from './context-includes/index.js';
export * from './contexts/index.js';
export type { Database } from './db/database.js';
export { translateDatabaseError } from './db/database-errors.js';
export { serviceApiMigrations } from './db/migrations.js';
export type { Tx, UnitOfWork } from './db/unit-of-work.js';
export * from './devices/index.js';
export * from './endpoint-custom/index.js';
export * from './endpoint-iax/index.js';
export * from './endpoint-sccp/index.js';
export * from './endpoint-sip/index.js';
export * from './errors.js';
export * from './extensions/index.js';
export * from './external-apps/index.js';
export * from './fallbacks/index.js';
export * from './feature-extensions/index.js';
export * from './func-keys/index.js';
export * from './group-extensions/index.js';
export * from './group-member-extensions/index.js';
export * from './group-members/index.js';
export * from './group-schedules/index.js';
export * from './groups/index.js';
export * from './incall-schedules/index.js';
export * from './incalls/index.js';
export * from './ingress-http/index.js';
export * from './ivr/index.js';
export * from './line-endpoints/index.js';
export * from './line-extensions/index.js';
export * from './lines/index.js';
export * from './links/index.js';
export * from './meetings/index.js';
export * from './moh/index.js';
export * from './outcalls/index.js';
export * from './owner-extensions/index.js';
export * from './pagings/index.js';
export * from './parking-lots/index.js';
export * from './phone-numbers/index.js';
export * from './queues/index.js';
export * from './registrars/index.js';
export * from './schedules/index.js';
export { LINK, type LinkTarget, linked } from './schema.js';
export { runSearch, type SearchConfig } from './search/apply.js';
export {
  type SearchParams,
  type SearchResult,
  type SortDirection,
  scopeOf,
  type TenantScope,
} from './search/search.js';
export { createServiceApi, type ServiceApi, type ServiceApiOptions } from './service-api.js';
export type { IncallServices } from './service-api-incalls.js';
export type { MediaServices } from './service-api-media.js';
export type { MeetingServices } from './service-api-meetings.js';
export {
  createUserRelationsReader,
  type GetUserWithRelations,
  type UserGroupSummary,
  type UserRelationsSources,
  type UserWithRelations,
} from './service-api-reads.js';
export type { SettingsServices } from './service-api-settings.js';
export type { UserExtraServices } from './service-api-user-extras.js';
export * from './settings/index.js';
export * from './sip-transports/index.js';
export * from './skill-rules/index.js';
export * from './sounds/index.js';
export * from './switchboards/index.js';
export * from './tenants/index.js';
export * from './trunks/index.js';
export * from './user-agents/index.js';
export * from './user-callerids/index.js';
export * from './user-export/index.js';
export * from './user-forwards/index.js';
export * from './user-lines/index.js';
export * from './user-schedules/index.js';
export * from './user-services/index.js';
export * from './user-settings/index.js';
export * from './user-subscriptions/index.js';
export * from './user-voicemails/index.js';
export * from './users/index.js';
export * from './voicemails/index.js';
