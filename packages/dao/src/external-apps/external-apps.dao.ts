/** SQL of the external apps: `external_app` (a tenant's) and `user_external_app` (a user's). */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { ExternalApp, UserExternalApp } from './external-apps.model.js';

/** xivo-dao's external app searches: by name only, sorted by name. */
const searchConfig = (table: 'external_app' | 'user_external_app'): SearchConfig => ({
  columns: { name: `${table}.name` },
  search: ['name'],
  defaultSort: 'name',
  key: `${table}.name`,
});
export const externalAppSearchConfig = searchConfig('external_app');
export const userExternalAppSearchConfig = searchConfig('user_external_app');

type Fields = { label: string | null; configuration: Record<string, unknown> | null };
const columnsOf = ({ label, configuration }: Fields) => ({
  label,
  configuration: configuration === null ? null : JSON.stringify(configuration),
});

export function createExternalAppsDao() {
  const scoped = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('external_app')
      .select(['tenant_uuid', 'name', 'label', 'configuration'])
      .where(inTenants('external_app.tenant_uuid', scope.tenantUuids));
  return {
    search: (tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<ExternalApp>> =>
      runSearch(scoped(tx, scope), externalAppSearchConfig, params),

    find: (tx: Tx, scope: TenantScope, name: string): Promise<ExternalApp | undefined> =>
      scoped(tx, scope).where('name', '=', name).executeTakeFirst(),

    async insert(tx: Tx, app: ExternalApp): Promise<void> {
      await tx.db
        .insertInto('external_app')
        .values({ tenant_uuid: app.tenant_uuid, name: app.name, ...columnsOf(app) })
        .execute();
    },

    async update(tx: Tx, app: ExternalApp): Promise<void> {
      await tx.db
        .updateTable('external_app')
        .set(columnsOf(app))
        .where('tenant_uuid', '=', app.tenant_uuid)
        .where('name', '=', app.name)
        .execute();
    },

    async remove(tx: Tx, app: ExternalApp): Promise<void> {
      await tx.db
        .deleteFrom('external_app')
        .where('tenant_uuid', '=', app.tenant_uuid)
        .where('name', '=', app.name)
        .execute();
    },
  };
}

export function createUserExternalAppsDao() {
  const ofUser = (tx: Tx, userUuid: string) =>
    tx.db
      .selectFrom('user_external_app')
      .select(['name', 'label', 'configuration'])
      .where('user_external_app.user_uuid', '=', userUuid);
  return {
    search: (tx: Tx, userUuid: string, params: SearchParams): Promise<SearchResult<UserExternalApp>> =>
      runSearch(ofUser(tx, userUuid), userExternalAppSearchConfig, params),

    find: (tx: Tx, userUuid: string, name: string): Promise<UserExternalApp | undefined> =>
      ofUser(tx, userUuid).where('name', '=', name).executeTakeFirst(),

    async insert(tx: Tx, userUuid: string, app: UserExternalApp): Promise<void> {
      await tx.db
        .insertInto('user_external_app')
        .values({ user_uuid: userUuid, name: app.name, ...columnsOf(app) })
        .execute();
    },

    async update(tx: Tx, userUuid: string, app: UserExternalApp): Promise<void> {
      await tx.db
        .updateTable('user_external_app')
        .set(columnsOf(app))
        .where('user_uuid', '=', userUuid)
        .where('name', '=', app.name)
        .execute();
    },

    async remove(tx: Tx, userUuid: string, name: string): Promise<void> {
      await tx.db
        .deleteFrom('user_external_app')
        .where('user_uuid', '=', userUuid)
        .where('name', '=', name)
        .execute();
    },
  };
}

export type ExternalAppsDao = ReturnType<typeof createExternalAppsDao>;
export type UserExternalAppsDao = ReturnType<typeof createUserExternalAppsDao>;
